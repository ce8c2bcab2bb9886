// A plain rate limit: at most `limit` events per fixed window of `windowMs`, per key. Used
// for what may append to the audit log cheaply (writes per user, anonymous audited events), so
// that nobody can grow the permanent log faster than the limit allows. The store counts an
// event in one conditional statement (one caller's burst all lands on one key, so no lock is
// held across round trips); these are the bounds it applies.

export interface RatePolicy {
  limit: number;
  windowMs: number;
}

/** What counting one event at `at` must know: a window that started at or before `endedBy` is over. */
export interface WindowBounds {
  at: string;
  limit: number;
  /** A window that started at or before this has ended: the event starts a new one at `at`. */
  endedBy: string;
  /**
   * A window that starts after this was opened by a clock that has since gone back by more than a
   * window: it starts afresh too. One that starts a moment after `at` is still the current one
   * (concurrent requests read the clock in one order and reach the row in another).
   */
  startsAfter: string;
}

export function windowBounds(policy: RatePolicy, now: Date): WindowBounds {
  return {
    at: now.toISOString(),
    limit: policy.limit,
    endedBy: new Date(now.getTime() - policy.windowMs).toISOString(),
    startsAfter: new Date(now.getTime() + policy.windowMs).toISOString(),
  };
}

/** When a full window admits events again. */
export function windowEnd(policy: RatePolicy, windowStart: string): Date {
  return new Date(Date.parse(windowStart) + policy.windowMs);
}
