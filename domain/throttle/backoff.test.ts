import { describe, expect, it } from 'vitest';
import { countingFailures, delayAfter, nextAttemptAt, withFailure, type BackoffPolicy, type LaneState } from './backoff.ts';

const minute = 60_000;
const hour = 60 * minute;
const policy: BackoffPolicy = { free: 5, firstDelayMs: minute, maxDelayMs: hour, forgetAfterMs: 24 * hour };
const t0 = Date.parse('2026-12-01T14:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms);

/** The lane after `n` failures, the last at t0. */
const after = (n: number): LaneState => ({ failures: n, lastFailureAt: at(0).toISOString() });

describe('growing delays', () => {
  it('admits the free failures at once, then waits 1, 2, 4 ... minutes, never more than the maximum', () => {
    expect([0, 1, 4].map((n) => delayAfter(policy, n))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 10, 11, 12, 50, 5_000].map((n) => delayAfter(policy, n) / minute)).toEqual([1, 2, 4, 8, 32, 60, 60, 60, 60]);
  });

  it('names the time of the next attempt, and admits one from that time on', () => {
    expect(nextAttemptAt(policy, null, at(0))).toBeNull();
    expect(nextAttemptAt(policy, after(4), at(0))).toBeNull();
    expect(nextAttemptAt(policy, after(5), at(0))?.getTime()).toBe(t0 + minute);
    expect(nextAttemptAt(policy, after(5), at(minute - 1))?.getTime()).toBe(t0 + minute);
    expect(nextAttemptAt(policy, after(5), at(minute))).toBeNull();
    expect(nextAttemptAt(policy, after(7), at(3 * minute))?.getTime()).toBe(t0 + 4 * minute);
  });

  it('counts each admitted attempt as a failure, and forgets them all after a quiet day', () => {
    expect(withFailure(policy, null, at(0))).toEqual({ failures: 1, lastFailureAt: at(0).toISOString() });
    expect(withFailure(policy, after(5), at(minute))).toEqual({ failures: 6, lastFailureAt: at(minute).toISOString() });
    expect(countingFailures(policy, after(9), at(24 * hour - 1))).toBe(9);
    expect(countingFailures(policy, after(9), at(24 * hour))).toBe(0);
    expect(withFailure(policy, after(9), at(24 * hour)).failures).toBe(1);
  });

  it('bounds what a guesser gets, and what the owner waits: about 34 attempts a day, never more than an hour apart', () => {
    // A guesser who tries the moment each attempt is allowed, for a day.
    let state: LaneState | null = null;
    let now = t0;
    let attempts = 0;
    while (now < t0 + 24 * hour) {
      const next = nextAttemptAt(policy, state, new Date(now));
      if (next) {
        expect(next.getTime() - now).toBeLessThanOrEqual(hour);
        now = next.getTime();
        continue;
      }
      state = withFailure(policy, state, new Date(now));
      attempts += 1;
    }
    expect(attempts).toBeGreaterThan(25);
    expect(attempts).toBeLessThan(40);
  });
});
