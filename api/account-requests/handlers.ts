import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import { assertDecidable, assertRequesterStillAdministrator } from '../kernel/second-administrator.ts';
import { accountLockKey } from '../session/start-session.ts';
import type { RequestContext } from '../kernel/context.ts';
import { signedIn } from '../package-access/package-access.ts';
import type { StoredAccountRequest, StoreTx } from '../store/store.ts';
import { accountsLock } from '../users/admin-handlers.ts';
import { accountRequestsRoutes as routes } from './routes.ts';
import { accountRequestView, requestFacts } from './views.ts';
import { describeRequest, requestWindow } from './file-request.ts';
import { applyRequest } from './apply-request.ts';
import { requestFilings } from './filings.ts';

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
    const request: StoredAccountRequest = { ...(await describeRequest(ctx, tx, admin.id, body)), id: newId(ctx.deps, 'acr'), requestedBy: admin.id, ...window, decision: null, decidedBy: null, decidedAt: null };
    await tx.insertAccountRequest(request);
    const after = { request: request.id, kind: request.kind, email: request.email, roles: request.rolesAfter, expiresAt: request.expiresAt };
    await tx.appendAudit({ event: { action: 'user.change_requested', subject: request.userId, before: null, after }, actorId: admin.id, at: window.requestedAt });
    return accountRequestView(await requestFacts(tx, [request]), request, window.requestedAt);
  });
  return { status: 201, body: filed };
});

const names = { noun: 'account request', short: 'request' };

/** Finds a request another administrator may still decide, or refuses (nothing is stored). */
async function decidable(tx: StoreTx, id: string, adminId: string, now: string): Promise<StoredAccountRequest> {
  const request = assertDecidable(await tx.findAccountRequest(id), id, adminId, now, names);
  if (request.userId === adminId) throw problems.forbidden('This request changes your own account; another administrator approves or rejects it.');
  return request;
}

function decide(decision: 'approved' | 'rejected') {
  return async (ctx: RequestContext, id: string) => {
    const admin = signedIn(ctx);
    const at = ctx.deps.now().toISOString();
    return ctx.deps.store.transaction(async (tx) => {
      await tx.lockPackage(accountsLock);
      const request = await decidable(tx, id, admin.id, at);
      if (decision === 'approved') {
        // The filer's account lock, which a disable and a roles change take: its standing cannot change under us.
        await tx.lockPackage(accountLockKey(request.requestedBy));
        await assertRequesterStillAdministrator(tx, (await requestFilings(tx, [request]))(request), names);
      }
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

export const approveAccountRequest = defineHandler(routes.approveAccountRequest, async (ctx, { params }) => ({ status: 200, body: await approve(ctx, params.id) }));

export const rejectAccountRequest = defineHandler(routes.rejectAccountRequest, async (ctx, { params }) => ({ status: 200, body: await reject(ctx, params.id) }));

export const accountRequestsHandlers = { listAccountRequests, requestAccountChange, approveAccountRequest, rejectAccountRequest };
