import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { businessLineListSchema } from '#domain/contracts/business-lines.ts';
import { policyVersionEntrySchema } from '#domain/contracts/policies.ts';
import { revalidationScheduleListSchema, tieringMethodListSchema } from '#domain/contracts/revalidation.ts';
import { templateVersionEntrySchema } from '#domain/contracts/template-admin.ts';
import { catalogueProposalListSchema, type NewCatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { mortgagePolicy } from './policy-scenarios.ts';
import { weightedScorecard } from './tiering-method-scenarios.ts';
import { approveProposal, propose } from './catalogue-proposals.ts';

// Catalogue changes by two administrators (docs/decisions/0182), replaying an adversary's
// finding: one administrator alone published a laxer policy (or a template with fewer steps, a
// tiering method scoring everything low, a schedule, a line). Now the change is a proposal,
// checked as the direct route checks it, applied once when another administrator approves the
// content they were shown; on the mocks, SQLite and PostgreSQL.

const hour = 3_600_000;
const proposedPolicy = mortgagePolicy({ key: 'mortgage-proposed', scope: { riskTiers: [2], businessLines: ['Mortgages'] } });
const methodChange = { ...weightedScorecard, kind: 'weighted_scorecard' as const, replacesVersion: 1 };
const policyChange: NewCatalogueProposal = { kind: 'publish_policy', change: proposedPolicy };

async function auditOf(target: Target, subject: string): Promise<[string, string | null][]> {
  const admin = await signedIn(target, 'admin@example.com');
  const page = auditPageSchema.parse((await admin.get('/api/audit?limit=200')).body);
  return page.items
    .filter((e) => e.subject === subject)
    .sort((a, b) => a.seq - b.seq)
    .map((e): [string, string | null] => [e.action, e.actorId]);
}

async function catalogueEntries(target: Target): Promise<string[]> {
  const admin = await signedIn(target, 'admin@example.com');
  const page = auditPageSchema.parse((await admin.get('/api/audit?limit=200')).body);
  return page.items.map((e) => e.action).filter((action) => action.startsWith('catalogue.'));
}

async function pending(admin: Client) {
  const reply = await admin.get('/api/catalogue-proposals');
  expectStatus(reply, 200);
  return catalogueProposalListSchema.parse(reply.body).items;
}

function expectRefused(reply: Reply, status: number, detail: RegExp) {
  expectStatus(reply, status);
  expect((reply.body as { detail: string }).detail).toMatch(detail);
}

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

export const catalogueProposalScenarios: Scenario[] = [
  {
    name: 'catalogue proposals (0182): a proposal is checked as the direct route checks it (refused at /change/… with nothing stored), stored with its content hash, and changes nothing until approved',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      // The contract refuses at the change's field…
      const malformed = await admin.post('/api/catalogue-proposals', { kind: 'publish_policy', change: { ...mortgagePolicy(), scope: { riskTiers: [] } } });
      expectStatus(malformed, 422);
      expect(pointers(malformed)).toContain('/change/scope/riskTiers');
      // …and so do the direct route's own checks: a line not on the list, a look-alike line.
      const unlisted = await admin.post('/api/catalogue-proposals', { kind: 'publish_policy', change: mortgagePolicy({ scope: { riskTiers: [1], businessLines: ['Not a listed line'] } }) });
      expectStatus(unlisted, 422);
      expect(pointers(unlisted)).toEqual(['/change/scope/businessLines/0']);
      const lookAlike = await admin.post('/api/catalogue-proposals', { kind: 'add_business_line', change: { label: 'Mortgɑges' } });
      expectStatus(lookAlike, 422);
      expect(pointers(lookAlike)).toEqual(['/change/label']);
      expectStatus(await admin.post('/api/catalogue-proposals', { kind: 'retire_business_line', change: { key: 'no such line' } }), 404);
      expectStatus(await admin.post('/api/catalogue-proposals', { kind: 'publish_tiering_method', change: { ...weightedScorecard, replacesVersion: 7 } }), 409);
      expect(await pending(deputy)).toEqual([]);
      expect(await target.store.listPendingCatalogueProposals(new Date(0).toISOString())).toEqual([]);
      expect(await catalogueEntries(target)).toEqual([]);

      const filed = await propose(admin, policyChange);
      expect(filed).toMatchObject({ kind: 'publish_policy', subject: 'mortgage-proposed', status: 'pending', requestedBy: { id: 'usr_admin' }, decidedBy: null, content: policyChange });
      expect(filed.summary).toMatch(/Mortgage credit models.*mortgage-proposed/);
      // Filed tied to the catalogue as it is: a new key (replaces version 0).
      expect(filed.content).toEqual({ kind: 'publish_policy', change: { ...proposedPolicy, replacesVersion: 0 } });
      expect(filed.contentSha256).toBe(await sha256Hex(canonicalize(filed.content)));
      expect(Date.parse(filed.expiresAt) - Date.parse(filed.requestedAt)).toBe(72 * hour);
      expect((await pending(deputy)).map((p) => p.id)).toEqual([filed.id]);
      expectStatus(await admin.get('/api/policies/mortgage-proposed/versions/1'), 404);
      expect(await auditOf(target, 'mortgage-proposed')).toEqual([['catalogue.change_proposed', 'usr_admin']]);
      // Only administrators list and propose.
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.get('/api/catalogue-proposals'), 403);
      expectStatus(await owner.post('/api/catalogue-proposals', policyChange), 403);
    },
  },
  {
    name: 'catalogue proposals (0182): the proposer cannot approve nor reject (403); a different content hash is 409; the approval applies the change once, the approver its actor, audited in order',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const filed = await propose(admin, policyChange);
      expectRefused(await admin.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 }), 403, /You filed this proposal/);
      expectRefused(await admin.post(`/api/catalogue-proposals/${filed.id}/rejection`, null), 403, /You filed this proposal/);
      const otherContent = await sha256Hex(canonicalize({ kind: 'publish_policy', change: { ...proposedPolicy, name: 'Something else' } }));
      expectRefused(await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: otherContent, comparisonSha256: filed.comparisonSha256 }), 409, /not the content you were shown/);
      expectStatus(await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: 'nope', comparisonSha256: filed.comparisonSha256 }), 422);
      expect(pointers(await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256 }))).toEqual(['/comparisonSha256']);
      expectStatus(await deputy.post('/api/catalogue-proposals/cpr_missing/approval', { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 }), 404);
      expectStatus(await admin.get('/api/policies/mortgage-proposed/versions/1'), 404);
      expect((await target.store.findCatalogueProposal(filed.id))?.decision).toBeNull();

      const approved = await approveProposal(deputy, filed);
      expect(approved).toMatchObject({ status: 'approved', decidedBy: { id: 'usr_admin_deputy', displayName: 'Jordan Reyes' }, location: '/api/policies/mortgage-proposed/versions/1' });
      const entry = policyVersionEntrySchema.parse((await admin.get(approved.location)).body);
      expect(entry).toMatchObject({ current: true, publishedBy: { id: 'usr_admin_deputy' }, policy: { key: 'mortgage-proposed', version: 1, scope: { riskTiers: [2], businessLines: ['Mortgages'] } } });
      expect(await auditOf(target, 'mortgage-proposed')).toEqual([
        ['catalogue.change_proposed', 'usr_admin'],
        ['catalogue.change_approved', 'usr_admin_deputy'],
        ['policy.published', 'usr_admin_deputy'],
      ]);
      expectRefused(await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 }), 409, /approved already/);
      expect(await pending(deputy)).toEqual([]);
    },
  },
  {
    name: 'catalogue proposals (0182): a proposal expires after 72 hours (409, not listed); one the catalogue has moved past is refused at approval and stays pending',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      // Two proposals for the same new key: the first approved, the second no longer passes.
      const first = await propose(admin, policyChange);
      const second = await propose(admin, { kind: 'publish_policy', change: { ...proposedPolicy, name: 'Mortgage credit, rival', replacesVersion: 0 } });
      await approveProposal(deputy, first);
      expectRefused(await deputy.post(`/api/catalogue-proposals/${second.id}/approval`, { contentSha256: second.contentSha256, comparisonSha256: second.comparisonSha256 }), 409, /no longer passes its checks: The key "mortgage-proposed" is already taken/);
      expect((await target.store.findCatalogueProposal(second.id))?.decision).toBeNull();
      expect(policyVersionEntrySchema.parse((await admin.get('/api/policies/mortgage-proposed/versions/1')).body).policy.name).toBe('Mortgage credit models');

      const late = await propose(admin, { kind: 'add_business_line', change: { label: 'Late line' } });
      target.advanceClock(72 * hour);
      // Signed in again: an idle session ends long before a proposal lapses.
      const later = await signedIn(target, 'admin-deputy@example.com');
      expect(await pending(later)).toEqual([]);
      expectRefused(await later.post(`/api/catalogue-proposals/${late.id}/approval`, { contentSha256: late.contentSha256, comparisonSha256: late.comparisonSha256 }), 409, /expired/);
      expectRefused(await later.post(`/api/catalogue-proposals/${late.id}/rejection`, null), 409, /expired/);
      const lines = businessLineListSchema.parse((await later.get('/api/business-lines')).body).items;
      expect(lines.map((l) => l.label)).not.toContain('Late line');
    },
  },
  {
    name: 'catalogue proposals (0182, adversary): a policy or template sent without the version it replaces is tied to the current one at filing; approved after another version was published, it is 409 and replaces nothing',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const lax = await propose(admin, { kind: 'publish_policy', change: { ...proposedPolicy, name: 'Mortgage credit, lax' } });
      await approveProposal(deputy, await propose(admin, { kind: 'publish_policy', change: { ...proposedPolicy, replacesVersion: 0 } }));
      const stale = await deputy.post(`/api/catalogue-proposals/${lax.id}/approval`, { contentSha256: lax.contentSha256, comparisonSha256: lax.comparisonSha256 });
      expectRefused(stale, 409, /no longer passes its checks: The key "mortgage-proposed" is already taken/);
      expectStatus(await admin.get('/api/policies/mortgage-proposed/versions/2'), 404);
      expect(policyVersionEntrySchema.parse((await admin.get('/api/policies/mortgage-proposed/versions/1')).body).policy.name).toBe('Mortgage credit models');

      // A new version of the policy, proposed without naming v1, is tied to v1: once v2 is in, it is stale.
      const behind = await propose(admin, { kind: 'publish_policy', change: { ...proposedPolicy, name: 'Mortgage credit, behind' } });
      expect(behind.content).toMatchObject({ change: { replacesVersion: 1 } });
      await approveProposal(deputy, await propose(admin, { kind: 'publish_policy', change: { ...proposedPolicy, name: 'Mortgage credit, stricter', replacesVersion: 1 } }));
      expectRefused(await deputy.post(`/api/catalogue-proposals/${behind.id}/approval`, { contentSha256: behind.contentSha256, comparisonSha256: behind.comparisonSha256 }), 409, /Version 1 of "mortgage-proposed" is no longer the current one/);
      expectStatus(await admin.get('/api/policies/mortgage-proposed/versions/3'), 404);

      const step = { key: 'model_risk', name: 'Model risk management', role: 'model_risk' as const, approvalsRequired: 1, dueHours: 48, sections: ['evaluation' as const] };
      await approveProposal(deputy, await propose(admin, { kind: 'add_business_line', change: { label: 'Pinned lab' } }));
      const template = { key: 'pinned-lab', name: 'Pinned lab', riskTiers: [4], businessLines: ['Pinned lab'], staleApprovals: 'every_change' as const, steps: [step] };
      const first = await propose(admin, { kind: 'publish_template', change: template });
      expect(first.content).toMatchObject({ change: { replacesVersion: 0 } });
      await approveProposal(deputy, await propose(admin, { kind: 'publish_template', change: { ...template, name: 'Pinned lab, first in', replacesVersion: 0 } }));
      expectRefused(await deputy.post(`/api/catalogue-proposals/${first.id}/approval`, { contentSha256: first.contentSha256, comparisonSha256: first.comparisonSha256 }), 409, /already taken/);
      expectStatus(await admin.get('/api/templates/pinned-lab/versions/2'), 404);
    },
  },
  {
    name: 'catalogue proposals (0182): concurrent approvals (and a rejection) of one proposal apply it exactly once',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const { passwordHash } = (await target.store.findUserByEmail('admin@example.com')) ?? { passwordHash: '' };
      await target.store.insertUser({ id: 'usr_admin_third', email: 'admin-third@example.com', displayName: 'Kai Sato', title: 'Administrator', roles: ['admin'], passwordHash });
      const deciders = [await signedIn(target, 'admin-deputy@example.com'), await signedIn(target, 'admin-deputy@example.com'), await signedIn(target, 'admin-third@example.com'), await signedIn(target, 'admin-third@example.com')];
      const filed = await propose(admin, { kind: 'publish_revalidation_schedule', change: { months: { '1': 6, '2': 18, '3': 30, '4': 48 }, replacesVersion: 1 } });
      const replies = await Promise.all(deciders.map((client, i) => (i === 3 ? client.post(`/api/catalogue-proposals/${filed.id}/rejection`, null) : client.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 }))));
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(3);
      const decided = await target.store.findCatalogueProposal(filed.id);
      const schedules = revalidationScheduleListSchema.parse((await admin.get('/api/revalidation-schedules')).body).items;
      expect(schedules.map((s) => s.version)).toEqual(decided?.decision === 'approved' ? [1, 2] : [1]);
      const audit = await auditOf(target, 'revalidation schedule');
      expect(audit.filter(([action]) => action === 'catalogue.change_approved' || action === 'catalogue.change_rejected')).toHaveLength(1);
      expect(audit.filter(([action]) => action === 'revalidation.schedule_published')).toHaveLength(decided?.decision === 'approved' ? 1 : 0);
    },
  },
  {
    name: 'catalogue proposals (0182): a rejection changes nothing and is audited; the proposal cannot be approved afterwards',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const filed = await propose(admin, { kind: 'publish_tiering_method', change: methodChange });
      const rejected = await deputy.post(`/api/catalogue-proposals/${filed.id}/rejection`, null);
      expectStatus(rejected, 200);
      expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: { id: 'usr_admin_deputy' } });
      expectRefused(await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 }), 409, /rejected already/);
      const methods = tieringMethodListSchema.parse((await admin.get('/api/risk-tiering-methods')).body).items;
      expect(methods.map((m) => m.method.version)).toEqual([1]);
      expect(await auditOf(target, filed.subject)).toEqual([
        ['catalogue.change_proposed', 'usr_admin'],
        ['catalogue.change_rejected', 'usr_admin_deputy'],
      ]);
      expect(await pending(deputy)).toEqual([]);
    },
  },
  {
    name: 'catalogue proposals (0182): every kind is applied at approval through its direct route\'s function (a template, a tiering method, a line added and retired)',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const added = await approveProposal(deputy, await propose(admin, { kind: 'add_business_line', change: { label: 'Proposed lab' } }));
      expect(added.location).toBe('/api/business-lines/proposed%20lab');
      const step = { key: 'model_risk', name: 'Model risk management', role: 'model_risk' as const, approvalsRequired: 1, dueHours: 48, sections: ['evaluation' as const] };
      const template = await approveProposal(deputy, await propose(admin, { kind: 'publish_template', change: { key: 'proposed-lab', name: 'Proposed lab', riskTiers: [4], businessLines: ['Proposed lab'], staleApprovals: 'every_change', steps: [step] } }));
      expect(templateVersionEntrySchema.parse((await admin.get(template.location)).body)).toMatchObject({ current: true, publishedBy: { id: 'usr_admin_deputy' }, template: { key: 'proposed-lab', version: 1 } });
      await approveProposal(deputy, await propose(admin, { kind: 'publish_tiering_method', change: methodChange }));
      const methods = tieringMethodListSchema.parse((await admin.get('/api/risk-tiering-methods')).body).items;
      expect(methods.find((m) => m.current)?.method).toMatchObject({ version: 2, name: weightedScorecard.name });
      await approveProposal(deputy, await propose(admin, { kind: 'retire_business_line', change: { key: 'proposed lab' } }));
      const lines = businessLineListSchema.parse((await admin.get('/api/business-lines')).body).items;
      expect(lines.find((l) => l.key === 'proposed lab')?.retiredAt).not.toBeNull();
      expect(await auditOf(target, 'proposed lab')).toEqual([
        ['catalogue.change_proposed', 'usr_admin'],
        ['catalogue.change_approved', 'usr_admin_deputy'],
        ['business_line.added', 'usr_admin_deputy'],
        ['catalogue.change_proposed', 'usr_admin'],
        ['catalogue.change_approved', 'usr_admin_deputy'],
        ['business_line.retired', 'usr_admin_deputy'],
      ]);
    },
  },
];
