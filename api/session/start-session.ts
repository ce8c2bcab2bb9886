import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { SessionResponse } from '#domain/contracts/users.ts';
import type { RequestContext } from '../kernel/context.ts';
import { sessionCookie } from '../kernel/cookies.ts';
import { sessionBody } from './session-body.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';

// A new session for a user who just proved who they are (first-administrator setup, a
// password change): the browser's previous session, if any, ends, so a planted cookie can
// never be upgraded.

/**
 * The lock a login takes before it starts a session, and every change that ends an account's
 * sessions (a set-password link, a reset, a disable) takes before it writes: so a login whose
 * password was checked before such a change cannot start a session after it.
 */
export function accountLockKey(userId: string): string {
  return `account:${userId}`;
}

export async function startSession(ctx: RequestContext, tx: StoreTx, user: StoredUser): Promise<{ body: SessionResponse; cookie: string }> {
  const { now, randomToken, sessionTtlMs } = ctx.deps;
  const token = randomToken();
  const at = now().toISOString();
  const expiresAt = new Date(now().getTime() + sessionTtlMs).toISOString();
  if (ctx.sessionTokenHash) await tx.deleteSession(ctx.sessionTokenHash);
  await tx.insertSession({ tokenHash: await sha256Hex(token), userId: user.id, createdAt: at, expiresAt });
  return { body: await sessionBody(tx, user, expiresAt, now()), cookie: sessionCookie(token, Math.floor(sessionTtlMs / 1000), ctx.secure) };
}
