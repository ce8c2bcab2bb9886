import type { StoreTx } from '../store.ts';

// Brute force of sign-in, per account: five failed attempts within fifteen minutes refuse
// further attempts (even with the right password) until the oldest of them is fifteen minutes
// old. Counted per email as typed (normalized), so an unknown email is throttled exactly like
// a real one and the answer never tells which accounts exist. A successful sign-in clears the
// count; attempts refused while locked are audited but not counted, so the lock does not
// extend itself for as long as an attacker keeps knocking.

export const maxLoginFailures = 5;
export const loginWindowMs = 15 * 60_000;

/**
 * When the email may be tried again, or null when it may be tried now. `failures` are the
 * email's latest failure times, newest first (at most maxLoginFailures are needed).
 */
export function loginLockedUntil(failures: readonly string[], now: Date): Date | null {
  const since = now.getTime() - loginWindowMs;
  const recent = failures.filter((at) => Date.parse(at) > since);
  if (recent.length < maxLoginFailures) return null;
  // The lock lifts when the oldest of the last five leaves the window.
  const oldest = recent[maxLoginFailures - 1];
  return oldest ? new Date(Date.parse(oldest) + loginWindowMs) : null;
}

/** The lock on an email right now, read with one indexed query. */
export async function currentLoginLock(tx: StoreTx, email: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - loginWindowMs).toISOString();
  return loginLockedUntil(await tx.listLoginFailures(email, since, maxLoginFailures), now);
}

export async function recordLoginFailure(tx: StoreTx, email: string, now: Date): Promise<void> {
  await tx.insertLoginFailure({ email, at: now.toISOString(), pruneBefore: new Date(now.getTime() - loginWindowMs).toISOString() });
}

/** "14:05": the time a refusal names, in UTC. */
export function utcClock(time: Date): string {
  return time.toISOString().slice(11, 16);
}
