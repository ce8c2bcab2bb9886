import { countingFailures, delayAfter, nextAttemptAt, withFailure, type BackoffPolicy, type LaneState } from '#domain/throttle/backoff.ts';
import type { Store, StoreTx } from '../store/store.ts';
import type { StoredThrottle } from '../store/throttle.ts';

// Attempts that check a secret (a log-in, a re-authentication at signing) go through lanes
// of growing delays (domain/throttle/backoff.ts). The attempt is admitted and counted as a
// failure in one transaction that holds the lanes' keys, before the secret is checked: of N
// concurrent attempts, only as many as the lanes allow are ever checked, on SQLite and
// PostgreSQL alike. A success then takes the failure back; a failure leaves it counted.

export interface Lane<Scope extends string = string> {
  key: string;
  policy: BackoffPolicy;
  /** What a success does: clear the lane's failures, or take back only its own. */
  onSuccess: 'clear' | 'refund';
  /** Named in the audit log and in the refusal. */
  scope: Scope;
}

export interface ReservedLane<Scope extends string = string> {
  lane: Lane<Scope>;
  /** The lane after this attempt's failure was counted. */
  after: LaneState;
}

export type Reservation<Scope extends string = string> = { admitted: true; lanes: ReservedLane<Scope>[] } | { admitted: false; retryAt: Date; lane: Lane<Scope> };

const toLaneState = (row: StoredThrottle | undefined): LaneState | null => (row ? { failures: row.count, lastFailureAt: row.lastAt } : null);

/**
 * Admits an attempt through every lane, counting it as a failure in each, or refuses it
 * (changing nothing) with the latest time any lane names.
 */
export async function reserveAttempt<Scope extends string>(store: Store, lanes: readonly Lane<Scope>[], now: Date): Promise<Reservation<Scope>> {
  return store.transaction(async (tx): Promise<Reservation<Scope>> => {
    // Held until the end of the transaction: concurrent attempts on a lane read it one by one.
    const rows = new Map((await tx.lockThrottles(lanes.map((l) => l.key))).map((row) => [row.key, row]));
    let refusal: { retryAt: Date; lane: Lane<Scope> } | null = null;
    for (const lane of lanes) {
      const retryAt = nextAttemptAt(lane.policy, toLaneState(rows.get(lane.key)), now);
      if (retryAt && (!refusal || retryAt > refusal.retryAt)) refusal = { retryAt, lane };
    }
    if (refusal) return { admitted: false, ...refusal };
    const reserved = lanes.map((lane): ReservedLane<Scope> & { row: StoredThrottle } => {
      const row = rows.get(lane.key);
      const before = toLaneState(row);
      const after = withFailure(lane.policy, before, now);
      const startedAt = row && countingFailures(lane.policy, before, now) > 0 ? row.startedAt : after.lastFailureAt;
      return { lane, after, row: { key: lane.key, count: after.failures, startedAt, lastAt: after.lastFailureAt, notedAt: row?.notedAt ?? null } };
    });
    await tx.saveThrottles(reserved.map((r) => r.row));
    return { admitted: true, lanes: reserved.map(({ lane, after }) => ({ lane, after })) };
  });
}

/** The lanes this failure made wait, with the time each admits its next attempt. */
export function lockedBy<Scope extends string>(reserved: readonly ReservedLane<Scope>[]): { lane: Lane<Scope>; failures: number; until: Date }[] {
  return reserved
    .filter(({ lane, after }) => after.failures >= lane.policy.free)
    .map(({ lane, after }) => ({ lane, failures: after.failures, until: new Date(Date.parse(after.lastFailureAt) + delayAfter(lane.policy, after.failures)) }));
}

/**
 * After a success, inside the transaction that records it: each lane is cleared or gets its
 * failure back. Returns the lanes that were making attempts wait before this one (unlocked now).
 */
export async function settleSuccess<Scope extends string>(tx: StoreTx, reserved: readonly ReservedLane<Scope>[], now: Date): Promise<{ lane: Lane<Scope>; failures: number }[]> {
  const lanes = reserved.map((r) => r.lane);
  const rows = new Map((await tx.lockThrottles(lanes.map((l) => l.key))).map((row) => [row.key, row]));
  const unlocked: { lane: Lane<Scope>; failures: number }[] = [];
  for (const lane of lanes) {
    const row = rows.get(lane.key);
    if (!row) continue;
    // The failures before this attempt's own.
    const failures = Math.max(0, countingFailures(lane.policy, toLaneState(row), now) - 1);
    if (lane.onSuccess === 'clear') {
      await tx.deleteThrottle(lane.key);
      if (failures >= lane.policy.free) unlocked.push({ lane, failures });
    } else {
      await tx.saveThrottle({ ...row, count: failures });
    }
  }
  return unlocked;
}

/** Whole seconds until `at`, at least one (Retry-After). */
export function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

/** "14:05": the time a refusal names, in UTC, rounded up so trying at the minute named is never refused. */
export function utcClockRoundedUp(at: Date): string {
  return new Date(Math.ceil(at.getTime() / 60_000) * 60_000).toISOString().slice(11, 16);
}
