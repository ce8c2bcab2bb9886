import type { ApiDeps } from './context.ts';
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
