// Growing delays after failed attempts (log-in, re-authentication at signing). A lane counts
// the failures of one key (an account from one client, an account, a client...): the first
// `free` are allowed at once; after that each attempt must wait, and the wait doubles with
// every further failure up to `maxDelayMs`. Nothing is ever locked for good, so a person kept
// out by someone else's failures gets in after a bounded wait, while a guesser's attempts per
// hour stay bounded. A lane forgets its failures after `forgetAfterMs` without one.
//
// A failure is counted when the attempt is admitted, before the password is checked
// (api/throttle/lanes.ts): concurrent attempts cannot all see the lane under its limit.

export interface BackoffPolicy {
  /** Failures allowed before any wait. */
  free: number;
  /** The wait after the first failure beyond `free`; it doubles with each further failure. */
  firstDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
  /** A lane with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

/** A lane's failures (counted at admission) and the time of the latest. */
export interface LaneState {
  failures: number;
  lastFailureAt: string;
}

/** The failures that still count at `now`. */
export function countingFailures(policy: BackoffPolicy, state: LaneState | null, now: Date): number {
  if (!state) return 0;
  return now.getTime() - Date.parse(state.lastFailureAt) >= policy.forgetAfterMs ? 0 : state.failures;
}

/** The wait after `failures` failures before the next attempt: none within the free ones. */
export function delayAfter(policy: BackoffPolicy, failures: number): number {
  if (failures < policy.free) return 0;
  // 2^n overflows nothing here: the exponent is capped long before the delay is.
  const doublings = Math.min(failures - policy.free, 40);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** doublings);
}

/** When the lane admits its next attempt, or null when it admits one now. */
export function nextAttemptAt(policy: BackoffPolicy, state: LaneState | null, now: Date): Date | null {
  const failures = countingFailures(policy, state, now);
  if (!state || failures < policy.free) return null;
  const at = Date.parse(state.lastFailureAt) + delayAfter(policy, failures);
  return at > now.getTime() ? new Date(at) : null;
}

/** The lane after an admitted attempt: one more failure, until a success takes it back. */
export function withFailure(policy: BackoffPolicy, state: LaneState | null, now: Date): LaneState {
  return { failures: countingFailures(policy, state, now) + 1, lastFailureAt: now.toISOString() };
}
