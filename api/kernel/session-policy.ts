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
export function userOfSession(session: StoredSession | null, user: StoredUser | null, deps: Pick<ApiDeps, 'now' | 'sessionIdleMs'>, now: number = deps.now().getTime()): StoredUser | null {
  if (!session || !user || user.disabledAt) return null;
  if (Date.parse(session.expiresAt) <= now) return null;
  if (deps.sessionIdleMs !== undefined && now - lastUseOf(session) >= deps.sessionIdleMs) return null;
  return user;
}

const lastUseOf = (session: StoredSession): number => Date.parse(session.lastSeenAt ?? session.createdAt);

/** Whether the session's use is due to be recorded (its last record more than a minute old). */
export const touchDue = (session: StoredSession, now: number): boolean => now - lastUseOf(session) >= touchEveryMs;

/** Records the session's use when the last record is more than a minute old. */
export async function touchSession(session: StoredSession, deps: Pick<ApiDeps, 'now' | 'store'>): Promise<void> {
  const now = deps.now();
  if (!touchDue(session, now.getTime())) return;
  await deps.store.touchSession(session.tokenHash, now.toISOString());
}

/**
 * Hashes of recently seen session tokens (docs/decisions/0229): a signed-in browser sends the same
 * token with every request, and a version read that misses what is kept hashed it twice (the
 * kept lookup, then the read). A pure function's answers, so nothing here can go stale; only
 * tokens of a session token's length are kept, and the whole map starts over past its bound.
 */
const recentHashes = new Map<string, string>();
const maxRecentHashes = 1_024;
const maxKeptTokenLength = 128;
const utf8 = new TextEncoder();

/** The hash of the session token in a request's cookies, the key sessions are stored under; null without one. */
export function sessionTokenHash(cookies: string | null, secure: boolean): string | null {
  const token = readCookie(cookies, sessionCookieNameFor(secure));
  if (!token) return null;
  const recent = recentHashes.get(token);
  if (recent !== undefined) return recent;
  // Synchronously: a 43-byte token is one or two compressions, where a WebCrypto digest is a
  // round trip through the thread pool.
  const hash = bytesToHex(sha256Sync(utf8.encode(token)));
  if (token.length <= maxKeptTokenLength) {
    if (recentHashes.size >= maxRecentHashes) recentHashes.clear();
    recentHashes.set(token, hash);
  }
  return hash;
}

/**
 * The caller behind a request's session cookie, its use recorded: the pipeline's and the Node
 * server's version read path's one way of reading it (docs/decisions/0190). Null user when the
 * cookie is absent or its session no longer stands.
 */
export async function authenticateSessionCookie(cookies: string | null, deps: Pick<ApiDeps, 'now' | 'store' | 'sessionIdleMs'>, secure: boolean): Promise<{ user: StoredUser | null; tokenHash: string | null }> {
  const tokenHash = sessionTokenHash(cookies, secure);
  if (!tokenHash) return { user: null, tokenHash: null };
  const session = await deps.store.findSession(tokenHash);
  const user = userOfSession(session, session ? await deps.store.findUserById(session.userId) : null, deps);
  if (!session || !user) return { user: null, tokenHash: null };
  await touchSession(session, deps);
  return { user, tokenHash };
}

/**
 * The caller behind the cookie as the store holds it now, without waiting: SQLite's rows kept
 * under its change clock (docs/decisions/0202). The user only when `authenticateSessionCookie`
 * would answer the same with nothing to read or write: a session and account kept, standing, and
 * no use to record. Undefined otherwise (not kept, refused, a touch due), and that function decides.
 */
export function keptSessionUser(cookies: string | null, deps: Pick<ApiDeps, 'now' | 'store' | 'sessionIdleMs'>, secure: boolean): StoredUser | undefined {
  const kept = deps.store.kept;
  const tokenHash = kept ? sessionTokenHash(cookies, secure) : null;
  const session = tokenHash ? kept?.session(tokenHash) : undefined;
  const user = session ? kept?.user(session.userId) : undefined;
  if (!session || !user) return undefined;
  const now = deps.now().getTime();
  return userOfSession(session, user, deps, now) && !touchDue(session, now) ? user : undefined;
}
