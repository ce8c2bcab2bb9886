import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import { assertNotFiler, assertOpen, assertRequesterStillAdministrator } from '../kernel/second-administrator.ts';
import { accountLockKey } from '../session/start-session.ts';
import type { RequestContext } from '../kernel/context.ts';
import { signedIn } from '../package-access/package-access.ts';
import type { StoredAccountRequest } from '../store/store.ts';
import { accountsLock } from '../users/admin-handlers.ts';
import { accountRequestsRoutes as routes } from './routes.ts';
import { accountRequestView, requestFacts } from './views.ts';
import { describeRequest, requestWindow } from './file-request.ts';
import { applyRequest } from './apply-request.ts';
import { assertAsFiled, fileAccountRequest, TamperedAccountRequest } from './integrity.ts';
import { appendLimitedRefusal } from '../throttle/rate-limits.ts';

// Two administrators for privileged account changes (docs/decisions/0175): one files the
// request, another approves or rejects it. Decisions run under the accounts lock, and the
// decision is written only where none is (a conditional update), so of two approvals racing
// exactly one applies the change; the other answers 409 and changes nothing.

export const listAccountRequests = defineHandler(routes.listAccountRequests, async (ctx) => {
  const { store } = ctx.deps;
  const now = ctx.deps.now().toISOString();
  const pending = await store.listPendingAccountRequests(now);
  const facts = await requestFacts(store, pending);
  return { status: 200, body: { items: pending.map((r) => accountRequestView(facts, r, now)) } };
});

export const requestAccountChange = defineHandler(routes.requestAccountChange, async (ctx, { body }) => {
  const admin = signedIn(ctx);
  const window = requestWindow(ctx);
  const filed = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(accountsLock);
    // Its content hashed into the row and the chained entry, checked again at approval (0198).
    const request = await fileAccountRequest(tx, { ...(await describeRequest(ctx, tx, admin.id, body)), id: newId(ctx.deps, 'acr'), requestedBy: admin.id, ...window });
    return accountRequestView(await requestFacts(tx, [request]), request, window.requestedAt);
  });
  return { status: 201, body: filed };
});

const names = { noun: 'account request', short: 'request' };

/** Refuses (403, nothing stored) whoever filed the request, or the account it changes. */
function assertOtherAdministrator(request: StoredAccountRequest, adminId: string): void {
  assertNotFiler(request, adminId, names);
  if (request.userId === adminId) throw problems.forbidden('This request changes your own account; another administrator approves or rejects it.');
}

function decide(decision: 'approved' | 'rejected') {
  return async (ctx: RequestContext, id: string) => {
    const admin = signedIn(ctx);
    const at = ctx.deps.now().toISOString();
    return ctx.deps.store.transaction(async (tx) => {
      await tx.lockPackage(accountsLock);
      const request = assertOpen(await tx.findAccountRequest(id), id, at, names);
      if (decision === 'approved') {
        // The filer's account lock, which a disable and a roles change take: its standing cannot change under us.
        await tx.lockPackage(accountLockKey(request.requestedBy));
        // As filed first, before "you filed this": the filer, account and times are the row's,
        // trusted only once it is bound to its one filing entry (0198, amended 2026-12-06).
        const { filedSeq } = await assertAsFiled(tx, request);
        assertOtherAdministrator(request, admin.id);
        await assertRequesterStillAdministrator(tx, { requestedBy: request.requestedBy, filedSeq }, names);
      } else assertOtherAdministrator(request, admin.id);
      if (!(await tx.decideAccountRequest(request.id, decision, admin.id, at))) throw problems.conflict('This request was decided already.');
      const after = { request: request.id, kind: request.kind, requestedBy: request.requestedBy };
      await tx.appendAudit({ event: { action: decision === 'approved' ? 'user.change_approved' : 'user.change_rejected', subject: request.userId, before: null, after }, actorId: admin.id, at });
      const applied = decision === 'approved' ? await applyRequest(ctx, tx, request, admin.id, at) : {};
      const decided = { ...request, decision, decidedBy: admin.id, decidedAt: at };
      return { ...accountRequestView(await requestFacts(tx, [decided]), decided, at), ...applied };
    });
  };
}

const approve = decide('approved');
const reject = decide('rejected');

/** A request whose stored content was altered is refused, and the refusal recorded (after the approval's transaction rolled back) as a tamper signal. */
async function refuseTampered(ctx: RequestContext, tampered: TamperedAccountRequest): Promise<never> {
  const { request, reading } = tampered;
  const { contentSha256, filedSha256, mismatched } = reading;
  const actorId = signedIn(ctx).id;
  const after = { request: request.id, kind: request.kind, storedSha256: request.contentSha256, contentSha256, filedSha256, mismatched };
  await appendLimitedRefusal(ctx.deps, actorId, (tx, at) => tx.appendAudit({ event: { action: 'user.change_tampered', subject: request.userId, before: null, after }, actorId, at }), ctx);
  throw problems.accountRequestTampered(
    `This request's stored row is not what was filed (${mismatched.join(', ')} ${mismatched.length === 1 ? 'differs' : 'differ'}): it hashes to ${contentSha256}; the SHA-256 stored with it is ${request.contentSha256 ?? 'none (filed before requests were hashed)'}, and the audit log recorded ${filedSha256 ?? 'no single filing of it'} when it was filed. Nothing was applied, and the refusal is in the audit log; reject it, file it again if it is still wanted, and look into who changed the database.`,
  );
}

export const approveAccountRequest = defineHandler(routes.approveAccountRequest, async (ctx, { params }) => ({
  status: 200,
  body: await approve(ctx, params.id).catch((error: unknown) => {
    if (error instanceof TamperedAccountRequest) return refuseTampered(ctx, error);
    throw error;
  }),
}));

export const rejectAccountRequest = defineHandler(routes.rejectAccountRequest, async (ctx, { params }) => ({ status: 200, body: await reject(ctx, params.id) }));

export const accountRequestsHandlers = { listAccountRequests, requestAccountChange, approveAccountRequest, rejectAccountRequest };
