import { bytesToHex } from '#domain/crypto/hex.ts';
import { sha256Sync } from '#domain/crypto/sha256-sync.ts'; // Session token hash without a thread-pool round trip
import type { ApiDeps } from './context.ts';
import { readCookie, sessionCookieNameFor } from './cookies.ts';
import type { StoredSession, StoredUser } from '../store/store.ts';

// When a session stops counting: at its absolute end (expiresAt, set at sign-in), after an
// idle time without requests, or at once when its account is disabled. Its last use is
// written at most once a minute, so an active session costs one small write a minute.

const touchEveryMs = 60_000;

/** The session's user, or null when the session no longer stands. */
export function userOfSession(session: StoredSession | null, user: StoredUser | null, deps: Pick<ApiDeps, 'now' | 'sessionIdleMs'>): StoredUser | null {
  if (!session || !user || user.disabledAt) return null;
  const now = deps.now().getTime();
  if (Date.parse(session.expiresAt) <= now) return null;
  const lastUse = Date.parse(session.lastSeenAt ?? session.createdAt);
  if (deps.sessionIdleMs !== undefined && now - lastUse >= deps.sessionIdleMs) return null;
  return user;
}

/** Records the session's use when the last record is more than a minute old. */
export async function touchSession(session: StoredSession, deps: Pick<ApiDeps, 'now' | 'store'>): Promise<void> {
  const now = deps.now();
  if (now.getTime() - Date.parse(session.lastSeenAt ?? session.createdAt) < touchEveryMs) return;
  await deps.store.touchSession(session.tokenHash, now.toISOString());
}

/**
 * The caller behind a request's session cookie, its use recorded: the pipeline's and the Node
 * server's version read path's one way of reading it (docs/decisions/0190). Null user when the
 * cookie is absent or its session no longer stands.
 */
export async function authenticateSessionCookie(cookies: string | null, deps: Pick<ApiDeps, 'now' | 'store' | 'sessionIdleMs'>, secure: boolean): Promise<{ user: StoredUser | null; tokenHash: string | null }> {
  const token = readCookie(cookies, sessionCookieNameFor(secure));
  if (!token) return { user: null, tokenHash: null };
  // Every request hashes its session token: synchronously, a 43-byte token is one or two
  // compressions, where a WebCrypto digest is a round trip through the thread pool.
  const tokenHash = bytesToHex(sha256Sync(new TextEncoder().encode(token)));
  const session = await deps.store.findSession(tokenHash);
  const user = userOfSession(session, session ? await deps.store.findUserById(session.userId) : null, deps);
  if (!session || !user) return { user: null, tokenHash: null };
  await touchSession(session, deps);
  return { user, tokenHash };
}
