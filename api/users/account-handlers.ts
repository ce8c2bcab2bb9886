import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { confirmPassword } from './confirm-password.ts';
import { stepUpWindowMs } from './step-up.ts';
import { startSession } from '../session/start-session.ts';
import { usersRoutes as routes } from './routes.ts';
import { assertAcceptablePassword, sessionIdOf } from './managed-user.ts';

// What a signed-in person does with their own account: change their password (with the
// current one: a stolen session alone cannot take the account over), see their sessions and
// end any of them.

export const changeOwnPassword = defineHandler(routes.changeOwnPassword, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const { store, passwords, now } = ctx.deps;
  if (!(await confirmPassword(ctx, user, body.currentPassword))) throw problems.validation([{ pointer: '/currentPassword', message: 'The current password is not correct' }]);
  if (body.newPassword === body.currentPassword) throw problems.validation([{ pointer: '/newPassword', message: 'Choose a password other than the current one' }]);
  assertAcceptablePassword(body.newPassword, '/newPassword', user);
  const passwordHash = await passwords.hash(body.newPassword);
  const at = now().toISOString();
  const started = await store.transaction(async (tx) => {
    await tx.setUserPassword(user.id, passwordHash, false);
    // Every session ends, this one included; the browser gets a fresh one below.
    const sessionsEnded = await tx.deleteUserSessions(user.id, ctx.sessionTokenHash);
    await tx.appendAudit({ event: { action: 'user.password_changed', subject: user.id, before: { passwordChangeRequired: user.passwordChangeRequired === true }, after: { passwordChangeRequired: false, sessionsEnded } }, actorId: user.id, at });
    return startSession(ctx, tx, { ...user, passwordHash, passwordChangeRequired: false });
  });
  return { status: 200, body: started.body, headers: [['set-cookie', started.cookie]] };
});

export const stepUp = defineHandler(routes.stepUp, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const tokenHash = ctx.sessionTokenHash;
  if (!tokenHash) throw problems.conflict('Step-up confirms a browser session; an API token has none.');
  const ok = await confirmPassword(ctx, user, body.password);
  const now = ctx.deps.now();
  const validUntil = ok ? new Date(now.getTime() + stepUpWindowMs).toISOString() : null;
  await ctx.deps.store.transaction(async (tx) => {
    if (ok) await tx.markSessionSteppedUp(tokenHash, now.toISOString());
    await tx.appendAudit({ event: { action: 'session.stepped_up', subject: user.id, before: null, after: { ok, validUntil } }, actorId: user.id, at: now.toISOString() });
  });
  if (!validUntil) throw problems.validation([{ pointer: '/password', message: 'The password is not correct' }]);
  return { status: 200, body: { validUntil } };
});

export const listOwnSessions = defineHandler(routes.listOwnSessions, async (ctx) => {
  const user = signedIn(ctx);
  const sessions = await ctx.deps.store.listUserSessions(user.id);
  const items = sessions.map((s) => ({ id: sessionIdOf(s.tokenHash), createdAt: s.createdAt, expiresAt: s.expiresAt, lastSeenAt: s.lastSeenAt ?? null, current: s.tokenHash === ctx.sessionTokenHash }));
  return { status: 200, body: { items } };
});

export const revokeOwnSession = defineHandler(routes.revokeOwnSession, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  await ctx.deps.store.transaction(async (tx) => {
    const session = (await tx.listUserSessions(user.id)).find((s) => sessionIdOf(s.tokenHash) === params.id);
    if (!session) throw problems.notFound(`You have no session ${params.id}.`);
    await tx.deleteSession(session.tokenHash);
    await tx.appendAudit({ event: { action: 'session.revoked', subject: user.id, before: { session: params.id }, after: null }, actorId: user.id, at });
  });
  return { status: 204 };
});
