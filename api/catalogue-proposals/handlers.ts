import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { ApiError, problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import type { RequestContext } from '../kernel/context.ts';
import { assertNotFiler, assertOpen, assertRequesterStillAdministrator, decisionWindow } from '../kernel/second-administrator.ts';
import { voidedSinceFiling } from '../kernel/filer-standing.ts';
import { accountLockKey } from '../session/start-session.ts';
import { appendLimitedRefusal } from '../throttle/rate-limits.ts';
import { proposalEntries, readProposal, TamperedProposal, type ProposalReading } from './integrity.ts';
import { signedIn } from '../package-access/package-access.ts';
import type { StoredCatalogueProposal, StoreTx } from '../store/store.ts';
import { catalogueProposalsRoutes as routes } from './routes.ts';
import { catalogueProposalView } from './views.ts';
import { checkCatalogueChange, pinnedToCurrent } from './changes.ts';
import { catalogueFacts, shownComparison, type ShownComparison } from './comparison.ts';
import { changeTime, needsSecondAdministrator } from '../kernel/catalogue-change.ts';
import type { ApproveCatalogueProposal, CatalogueProposal } from './contract.ts';

// Catalogue changes by two administrators (docs/decisions/0182): one proposes, another approves
// or rejects. Everything runs under the catalogue lock; the decision is written only where none
// is (a conditional update), so of two approvals racing exactly one applies the change.

const names = { noun: 'catalogue proposal', short: 'proposal' };

async function usersById(tx: Pick<StoreTx, 'listUsers'>) {
  return new Map((await tx.listUsers()).map((user) => [user.id, user]));
}

/** The direct route's field problems, pointed into the proposal's `change`. */
function atChange(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  return new ApiError({ ...error.problem, errors: error.problem.errors.map((e) => ({ ...e, pointer: `/change${e.pointer}` })) }, error.headers);
}

/** At approval the stored change no longer passing its checks is a conflict: the approver sent no fields. */
function stillPasses(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.problem.status !== 422) return error;
  const reasons = (error.problem.errors ?? []).map((e) => e.message).join('; ');
  return problems.conflict(`The proposed change no longer passes its checks${reasons ? `: ${reasons}` : ''}. Reject it, and propose it again if it is still wanted.`);
}

export const listCatalogueProposals = defineHandler(routes.listCatalogueProposals, async (ctx) => {
  const { store } = ctx.deps;
  const now = ctx.deps.now().toISOString();
  const pending = await store.listPendingCatalogueProposals(now);
  // A constant number of audit reads for the whole list: the filing and decision entries that
  // bind the rows, then the filers disabled or demoted since the oldest filing entry.
  const entries = await proposalEntries(store, pending);
  const read = await Promise.all(pending.map(async (p) => ({ p, reading: await readProposal(p, entries) })));
  const voided = await voidedSinceFiling(store, read.map(({ p, reading }) => ({ requestedBy: p.requestedBy, filedSeq: reading.filedSeq })));
  const contents = read.map(({ reading }) => reading.content).filter((c) => c !== null);
  const [users, facts] = await Promise.all([usersById(store), catalogueFacts(store, contents)]);
  const items = await Promise.all(read.map(async ({ p, reading: { state, content, filedSeq } }) => catalogueProposalView(users, await shownComparison(facts, content), p, now, { state, content, voided: voided({ requestedBy: p.requestedBy, filedSeq }) })));
  return { status: 200, body: { items, needsSecondAdministrator: await needsSecondAdministrator(store) } };
});

export const proposeCatalogueChange = defineHandler(routes.proposeCatalogueChange, async (ctx, { body }) => {
  const admin = signedIn(ctx);
  const when = changeTime(ctx);
  const filed = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPolicyCatalogue();
    const content = await pinnedToCurrent(tx, body);
    // Checked as the direct route would, now: a refusal stores nothing.
    const checked = await checkCatalogueChange(tx, content, admin.id, when).catch((error: unknown) => {
      throw atChange(error);
    });
    const contentJson = canonicalize(content);
    const contentSha256 = await sha256Hex(contentJson);
    const proposal: StoredCatalogueProposal = { id: newId(ctx.deps, 'cpr'), kind: body.kind, subject: checked.subject, contentJson, contentSha256, requestedBy: admin.id, ...decisionWindow(when.now), decision: null, decidedBy: null, decidedAt: null };
    await tx.insertCatalogueProposal(proposal);
    await tx.appendAudit({ event: { action: 'catalogue.change_proposed', subject: proposal.subject, before: null, after: { proposal: proposal.id, kind: proposal.kind, contentSha256, expiresAt: proposal.expiresAt } }, actorId: admin.id, at: when.at });
    const comparison = await shownComparison(await catalogueFacts(tx, [content]), content);
    return catalogueProposalView(await usersById(tx), comparison, proposal, when.at, { state: 'as_filed', content, voided: null });
  });
  return { status: 201, body: filed };
});

/**
 * The comparison computed now, under the catalogue lock, is the one the approver was shown:
 * another key published since can change what a policy takes from another or falls to (0192,
 * fifth amendment). Checked after the content and the change's own checks, whose answers say more.
 */
function assertComparisonShown(now: ShownComparison, { comparisonSha256: shown }: ApproveCatalogueProposal): void {
  if (now.comparisonSha256 === shown) return;
  throw problems.proposalComparisonChanged(
    `What this proposal replaces or loosens changed since you were shown it (comparison SHA-256 ${now.comparisonSha256} now, you sent ${shown}): another catalogue change took effect meanwhile. Nothing was applied; read the comparison again before you approve.`,
  );
}

/**
 * Checks only an approval needs, in its transaction: the stored row as filed (bound to its one
 * filing entry; before anything believes its filer) and readable, the approver not its filer, the proposer still an enabled administrator who was neither disabled
 * nor demoted since that entry, the content the approver was shown.
 */
async function assertApprovable(tx: StoreTx, proposal: StoredCatalogueProposal, { contentSha256: shownSha256 }: ApproveCatalogueProposal, stored: ProposalReading, approverId: string): Promise<void> {
  // First: a tampered row's filer and expiry are not to be believed, so nothing is read from them.
  if (stored.state === 'tampered') throw new TamperedProposal(proposal, stored);
  assertNotFiler(proposal, approverId, names);
  if (stored.state === 'unreadable') {
    throw problems.proposalUnreadable('This proposal is as it was filed, but its content no longer reads as a catalogue change today (its form changed since it was filed). Reject it; the administrator may propose it again.');
  }
  // The proposer's account lock, which a disable and a roles change take: their standing cannot change under us.
  await tx.lockPackage(accountLockKey(proposal.requestedBy));
  await assertRequesterStillAdministrator(tx, { requestedBy: proposal.requestedBy, filedSeq: stored.filedSeq }, names);
  if (shownSha256 !== proposal.contentSha256) {
    throw problems.conflict(`This proposal's content is not the content you were shown (SHA-256 ${proposal.contentSha256}, you sent ${shownSha256}); reload it and read it again.`);
  }
}

function decide(decision: 'approved' | 'rejected') {
  return async (ctx: RequestContext, id: string, shown: ApproveCatalogueProposal | null): Promise<{ view: CatalogueProposal; location: string | null }> => {
    const admin = signedIn(ctx);
    const when = changeTime(ctx);
    return ctx.deps.store.transaction(async (tx) => {
      await tx.lockPolicyCatalogue();
      const proposal = assertOpen(await tx.findCatalogueProposal(id), id, when.at, names);
      const stored = await readProposal(proposal, await proposalEntries(tx, [proposal]));
      // An approval's tamper check comes before "you filed this", which believes the row's filer (0198, amended 2026-12-06).
      if (shown !== null) await assertApprovable(tx, proposal, shown, stored, admin.id);
      else assertNotFiler(proposal, admin.id, names);
      const { content } = stored;
      // What it replaces, read before the change is written.
      const comparison = await shownComparison(await catalogueFacts(tx, content ? [content] : []), content);
      // Checked again on what the catalogue is now; the write waits until the decision is recorded.
      const checked = decision === 'approved' && content ? await checkCatalogueChange(tx, content, admin.id, when).catch((error: unknown) => { throw stillPasses(error); }) : null;
      // After the checks: a change that no longer passes says why, rather than that its comparison moved.
      if (shown !== null) assertComparisonShown(comparison, shown);
      if (!(await tx.decideCatalogueProposal(proposal.id, decision, admin.id, when.at))) throw problems.conflict('This proposal was decided already.');
      const after = { proposal: proposal.id, kind: proposal.kind, contentSha256: proposal.contentSha256, requestedBy: proposal.requestedBy };
      // An approval names the canonical content it applied and the comparison its approver saw, so the entry alone shows what took effect and what was approved as loosened (0192).
      const approved = { ...after, content: proposal.contentJson, comparison: comparison.comparisonJson, comparisonSha256: comparison.comparisonSha256 };
      const event = decision === 'approved' ? ({ action: 'catalogue.change_approved', after: approved } as const) : ({ action: 'catalogue.change_rejected', after } as const);
      await tx.appendAudit({ event: { ...event, subject: proposal.subject, before: null }, actorId: admin.id, at: when.at });
      // The change's own entry follows, with the approver as actor: they made it take effect.
      const location = checked ? await checked.write() : null;
      return { view: catalogueProposalView(await usersById(tx), comparison, { ...proposal, decision, decidedBy: admin.id, decidedAt: when.at }, when.at, { state: stored.state, content, voided: null }), location };
    });
  };
}

/** A proposal whose stored content was altered is refused, and the refusal recorded (after the approval's transaction rolled back) as a tamper signal. */
async function refuseTampered(ctx: RequestContext, tampered: TamperedProposal, shownSha256: string): Promise<never> {
  const { proposal, reading } = tampered;
  const { contentSha256, filedSha256, mismatched } = reading;
  const actorId = signedIn(ctx).id;
  const after = { proposal: proposal.id, kind: proposal.kind, storedSha256: proposal.contentSha256, contentSha256, shownSha256, filedSha256, mismatched };
  await appendLimitedRefusal(ctx.deps, actorId, (tx, at) => tx.appendAudit({ event: { action: 'catalogue.change_tampered', subject: proposal.subject, before: null, after }, actorId, at }), ctx);
  throw problems.proposalTampered(
    `This proposal's stored row is not what was filed (${mismatched.join(', ')} ${mismatched.length === 1 ? 'differs' : 'differ'}): its content hashes to ${contentSha256 ?? 'nothing (it is not JSON)'}; the SHA-256 stored with it is ${proposal.contentSha256}, and the audit log recorded ${filedSha256 ?? 'no single filing of it'} when it was proposed. Nothing was applied, and the refusal is in the audit log; reject it and look into who changed the database.`,
  );
}

const approve = decide('approved');
const reject = decide('rejected');

export const approveCatalogueProposal = defineHandler(routes.approveCatalogueProposal, async (ctx, { params, body }) => {
  const { view, location } = await approve(ctx, params.id, body).catch((error: unknown) => {
    if (error instanceof TamperedProposal) return refuseTampered(ctx, error, body.contentSha256);
    throw error;
  });
  if (location === null) throw new Error('An approved proposal made no change');
  return { status: 200, body: { ...view, location } };
});

export const rejectCatalogueProposal = defineHandler(routes.rejectCatalogueProposal, async (ctx, { params }) => ({ status: 200, body: (await reject(ctx, params.id, null)).view }));

export const catalogueProposalsHandlers = { listCatalogueProposals, proposeCatalogueChange, approveCatalogueProposal, rejectCatalogueProposal };
