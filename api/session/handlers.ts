import { sha256Hex } from '#domain/crypto/sha256.ts';
import { clearedSessionCookie, sessionCookie } from '../kernel/cookies.ts';
import { problems } from '../kernel/problems.ts';
import { sessionRoutes as routes } from './routes.ts';
import { toUser } from '../packages/views.ts';
import type { PasswordPort } from '../kernel/context.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { currentLoginLock, recordLoginFailure, utcClock } from './login-throttle.ts';

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
  const at = now().toISOString();
  const user = await store.findUserByEmail(body.email);

  // Brute force: a locked email is refused before its password is even checked.
  const lockedUntil = await currentLoginLock(store, body.email, now());
  if (lockedUntil) {
    await store.appendAudit({ event: { action: 'session.login_failed', subject: body.email, before: null, after: { reason: 'locked' } }, actorId: user?.id ?? null, at });
    // Rounded up, so trying at the minute named is never refused.
    const shown = new Date(Math.ceil(lockedUntil.getTime() / 60_000) * 60_000);
    throw problems.rateLimited(`Too many failed sign-ins for this account; try again after ${utcClock(shown)} UTC.`, (lockedUntil.getTime() - now().getTime()) / 1000);
  }

  const ok = await passwords.verify(body.password, user?.passwordHash ?? (await decoyHash(passwords)));
  if (!user || !ok) {
    await store.transaction(async (tx) => {
      await recordLoginFailure(tx, body.email, now());
      await tx.appendAudit({
        event: { action: 'session.login_failed', subject: body.email, before: null, after: { reason: user ? 'wrong_password' : 'unknown_email' } },
        actorId: user?.id ?? null,
        at,
      });
    });
    throw problems.invalidCredentials();
  }
  const token = ctx.deps.randomToken();
  const expiresAt = new Date(now().getTime() + ctx.deps.sessionTtlMs).toISOString();
  await store.transaction(async (tx) => {
    // A previous session in this browser is ended, so a planted cookie cannot be upgraded.
    if (ctx.sessionTokenHash) await tx.deleteSession(ctx.sessionTokenHash);
    await tx.clearLoginFailures(body.email);
    await tx.insertSession({ tokenHash: await sha256Hex(token), userId: user.id, createdAt: at, expiresAt });
    await tx.appendAudit({ event: { action: 'session.login_succeeded', subject: user.id, before: null, after: { email: user.email } }, actorId: user.id, at });
  });
  return {
    status: 200,
    body: { user: toUser(user), expiresAt },
    headers: [['set-cookie', sessionCookie(token, Math.floor(ctx.deps.sessionTtlMs / 1000), ctx.secure)]],
  };
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
  if (!ctx.user || !session) throw problems.unauthenticated();
  return { status: 200, body: { user: toUser(ctx.user), expiresAt: session.expiresAt } };
});
