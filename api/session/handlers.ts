import { clearedSessionCookie } from '../kernel/cookies.ts';
import { accountLockKey, startSession } from './start-session.ts';
import { problems } from '../kernel/problems.ts';
import { sessionRoutes as routes } from './routes.ts';
import { sessionBody } from './session-body.ts';
import type { PasswordPort } from '../kernel/context.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { admitLogin, lockEntries, settleLogin } from './login-throttle.ts';
import { trustDevice, trustedDeviceFor } from './trusted-device.ts';

/** A hash no password matches, so an unknown email costs the same scrypt as a known one. */
const decoyHashes = new WeakMap<PasswordPort, Promise<string>>();
function decoyHash(passwords: PasswordPort): Promise<string> {
  let hash = decoyHashes.get(passwords);
  if (!hash) {
    hash = passwords.hash(`decoy-${crypto.randomUUID()}`);
    decoyHashes.set(passwords, hash);
  }
  return hash;
}

export const login = defineHandler(routes.login, async (ctx, { body }) => {
  const { store, passwords, now } = ctx.deps;
  // Counted as a failure before the password is checked, so a burst cannot outrun the count.
  const device = await trustedDeviceFor(ctx, body.email);
  const reserved = await admitLogin(ctx, body.email, device);
  const user = await store.findUserByEmail(body.email);

  const ok = await passwords.verify(body.password, user?.passwordHash ?? (await decoyHash(passwords)));
  const at = now().toISOString();
  // A disabled account signs in no more, with the right password or not: the same 401.
  if (!user || !ok || user.disabledAt) {
    const reason = !user ? 'unknown_email' : !ok ? 'wrong_password' : 'account_disabled';
    await store.transaction(async (tx) => {
      await tx.appendAudit({
        event: { action: 'session.login_failed', subject: body.email, before: null, after: { reason } },
        actorId: user?.id ?? null,
        at,
      });
      for (const entry of lockEntries(ctx, body.email, reserved, user?.id ?? null)) await tx.appendAudit(entry);
    });
    throw problems.invalidCredentials();
  }
  const { started, deviceCookie } = await store.transaction(async (tx) => {
    // The password was checked outside this transaction; a set-password link, a reset or a
    // disable may have committed since and ended the account's sessions. Under the account's
    // lock (which those take too) the account must still be the one checked, or this login
    // would outlive them (docs/decisions/0181, amended).
    await tx.lockPackage(accountLockKey(user.id));
    const current = await tx.findUserById(user.id);
    if (!current || current.passwordHash !== user.passwordHash || current.disabledAt) throw problems.invalidCredentials();
    await settleLogin(tx, ctx, body.email, reserved, user.id);
    const session = await startSession(ctx, tx, user);
    await tx.appendAudit({ event: { action: 'session.login_succeeded', subject: user.id, before: null, after: { email: user.email } }, actorId: user.id, at });
    return { started: session, deviceCookie: await trustDevice(tx, ctx, body.email, device !== null) };
  });
  return { status: 200, body: started.body, headers: [['set-cookie', started.cookie], ['set-cookie', deviceCookie]] };
});

export const logout = defineHandler(routes.logout, async (ctx) => {
  const { store, now } = ctx.deps;
  const tokenHash = ctx.sessionTokenHash;
  const user = ctx.user;
  if (tokenHash && user) {
    await store.transaction(async (tx) => {
      await tx.deleteSession(tokenHash);
      await tx.appendAudit({ event: { action: 'session.logged_out', subject: user.id, before: null, after: null }, actorId: user.id, at: now().toISOString() });
    });
  }
  return { status: 204, headers: [['set-cookie', clearedSessionCookie(ctx.secure)]] };
});

export const session = defineHandler(routes.session, async (ctx) => {
  const session = ctx.sessionTokenHash ? await ctx.deps.store.findSession(ctx.sessionTokenHash) : null;
  if (!ctx.user || !session) return { status: 200, body: { user: null } };
  return { status: 200, body: await sessionBody(ctx.deps.store, ctx.user, session.expiresAt, ctx.deps.now()) };
});
