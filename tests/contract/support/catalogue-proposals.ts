import { expect } from 'vitest';
import { catalogueProposalApprovalSchema, catalogueProposalListSchema, catalogueProposalSchema, type CatalogueProposal, type CatalogueProposalApproval, type NewCatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { businessLineListSchema } from '#domain/contracts/business-lines.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { revalidationScheduleListSchema, tieringMethodListSchema } from '#domain/contracts/revalidation.ts';
import type { Client, Reply, Target } from './client.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';

// Catalogue changes go through two administrators (docs/decisions/0182): the demo's
// administrator proposes the change, its deputy approves it with the content and comparison hashes it was shown.

export async function propose(admin: Client, proposal: NewCatalogueProposal): Promise<CatalogueProposal> {
  const reply = await admin.post('/api/catalogue-proposals', proposal);
  expectStatus(reply, 201);
  return catalogueProposalSchema.parse(reply.body);
}

export async function approveProposal(approver: Client, proposal: CatalogueProposal): Promise<CatalogueProposalApproval> {
  const reply = await approver.post(`/api/catalogue-proposals/${proposal.id}/approval`, { contentSha256: proposal.contentSha256, comparisonSha256: proposal.comparisonSha256 });
  expectStatus(reply, 200);
  return catalogueProposalApprovalSchema.parse(reply.body);
}

/** Proposes as admin@example.com and approves as admin-deputy@example.com: the change in force (`location` reads it, for versions). */
export async function changeCatalogue(target: Target, proposal: NewCatalogueProposal): Promise<CatalogueProposalApproval> {
  const admin = await signedIn(target, 'admin@example.com');
  const deputy = await signedIn(target, 'admin-deputy@example.com');
  const approved = await approveProposal(deputy, await propose(admin, proposal));
  expect(approved.status).toBe('approved');
  return approved;
}

// Signed in once per target: scenarios change the catalogue many times, and a sign-in hashes a password.
const administrators = new WeakMap<Target, Promise<{ admin: Client; deputy: Client }>>();
function administratorsOf(target: Target): Promise<{ admin: Client; deputy: Client }> {
  let both = administrators.get(target);
  if (!both) {
    both = Promise.all([signedIn(target, 'admin@example.com'), signedIn(target, 'admin-deputy@example.com')]).then(([admin, deputy]) => ({ admin, deputy }));
    administrators.set(target, both);
  }
  return both;
}

/** The direct catalogue routes, and the proposal kind each one's body is filed as. */
function proposalFor(path: string, body: unknown): { proposal: NewCatalogueProposal; status: 200 | 201 } {
  const retire = /^\/api\/business-lines\/([^/]+)\/retire$/.exec(path);
  if (retire?.[1]) return { proposal: { kind: 'retire_business_line', change: { key: decodeURIComponent(retire[1]) } }, status: 200 };
  const kinds: Record<string, NewCatalogueProposal['kind']> = {
    '/api/policies': 'publish_policy',
    '/api/templates': 'publish_template',
    '/api/risk-tiering-methods': 'publish_tiering_method',
    '/api/revalidation-schedules': 'publish_revalidation_schedule',
    '/api/business-lines': 'add_business_line',
  };
  const kind = kinds[path];
  if (!kind) throw new Error(`${path} is not a catalogue route`);
  // Sent as the scenario wrote it: the proposal route's contract checks it, as the direct route's did.
  return { proposal: { kind, change: body } as NewCatalogueProposal, status: 201 };
}

/** What the change made, read back where the approval says it is (a list, for methods, schedules and lines). */
async function readBack(reader: Client, proposal: NewCatalogueProposal, location: string): Promise<unknown> {
  switch (proposal.kind) {
    case 'publish_policy':
    case 'publish_template':
      return (await reader.get(location)).body;
    case 'publish_tiering_method':
      return tieringMethodListSchema.parse((await reader.get(location)).body).items.find((item) => item.current);
    case 'publish_revalidation_schedule':
      return revalidationScheduleListSchema.parse((await reader.get(location)).body).items.at(-1);
    case 'add_business_line':
    case 'retire_business_line': {
      const key = decodeURIComponent(location.split('/').at(-1) ?? '');
      return businessLineListSchema.parse((await reader.get('/api/business-lines')).body).items.find((line) => line.key === key);
    }
  }
}

/**
 * A catalogue change as scenarios written for the direct routes expect it, now that two
 * administrators exist (0182): `path` and `body` are the direct route's; the body is proposed
 * by admin@example.com and approved by admin-deputy@example.com. A refusal at filing (field
 * problems under `/change/…`) or at approval is answered as it came; otherwise the direct
 * route's status with what the change made, read back.
 */
export async function changeAsDirect(target: Target, path: string, body: unknown): Promise<Reply> {
  const { proposal, status } = proposalFor(path, body);
  const { admin, deputy } = await administratorsOf(target);
  const filed = await admin.post('/api/catalogue-proposals', proposal);
  if (filed.status !== 201) return filed;
  const { id, content, ...shown } = catalogueProposalSchema.parse(filed.body);
  if (content === null) throw new Error('A proposal just filed reads as tampered');
  const approved = await approveAsShown(deputy, id, shown);
  if (approved.status !== 200) return approved;
  const { location } = catalogueProposalApprovalSchema.parse(approved.body);
  return { ...approved, status, body: await readBack(deputy, content, location) };
}

/**
 * Approves with the hashes shown; when another change landed since and the comparison changed
 * (0192, fifth amendment), reads the proposal again and approves what it shows now, once, as an
 * approver does when the page reloads. A racing change is a direct one here, not a reader's.
 */
async function approveAsShown(deputy: Client, id: string, { contentSha256, comparisonSha256 }: Pick<CatalogueProposal, 'contentSha256' | 'comparisonSha256'>): Promise<Reply> {
  const approved = await deputy.post(`/api/catalogue-proposals/${id}/approval`, { contentSha256, comparisonSha256 });
  if ((approved.body as { type?: string } | null)?.type !== problemTypes.proposalComparisonChanged) return approved;
  const now = catalogueProposalListSchema.parse((await deputy.get('/api/catalogue-proposals')).body).items.find((p) => p.id === id);
  return now ? deputy.post(`/api/catalogue-proposals/${id}/approval`, { contentSha256, comparisonSha256: now.comparisonSha256 }) : approved;
}

/**
 * Of two catalogue changes racing (0182), the loser is refused when it is filed (422, at its
 * field under /change) or, when both were filed first, at its approval (409, the reason in the
 * detail): "pointer code" or "409 detail".
 */
export function refusalOf(reply: Reply): string {
  if (reply.status === 422) return ((reply.body as { errors?: { pointer: string; code?: string }[] }).errors ?? []).map((e) => `${e.pointer} ${e.code ?? ''}`).join('; ');
  return `${reply.status} ${(reply.body as { detail?: string }).detail ?? ''}`;
}
