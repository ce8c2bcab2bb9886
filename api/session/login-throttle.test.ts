import { describe, expect, it } from 'vitest';
import { loginLockedUntil, loginWindowMs, maxLoginFailures } from './login-throttle.ts';

const t0 = Date.parse('2026-12-01T14:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms).toISOString();
const minute = 60_000;
/** Failure times newest first, as the store answers them. */
const newestFirst = (offsets: number[]) => offsets.map(at).sort().reverse();

describe('loginLockedUntil', () => {
  it('allows four failures and locks at the fifth, until the oldest of them is fifteen minutes old', () => {
    const four = newestFirst([0, 1, 2, 3].map((i) => i * minute));
    expect(loginLockedUntil(four, new Date(t0 + 4 * minute))).toBeNull();
    const five = newestFirst([0, 1, 2, 3, 4].map((i) => i * minute));
    expect(loginLockedUntil(five, new Date(t0 + 4 * minute))?.toISOString()).toBe(at(loginWindowMs));
  });

  it('lifts the lock once the window has passed, and not a millisecond before', () => {
    const five = newestFirst([0, 1, 2, 3, 4].map((i) => i * minute));
    expect(loginLockedUntil(five, new Date(t0 + loginWindowMs - 1))).not.toBeNull();
    expect(loginLockedUntil(five, new Date(t0 + loginWindowMs))).toBeNull();
  });

  it('counts only failures within fifteen minutes of now', () => {
    // Spread over twenty minutes: at most four fall in any fifteen-minute window.
    const spread = newestFirst([0, 5, 10, 15, 20].map((i) => i * minute));
    expect(loginLockedUntil(spread, new Date(t0 + 20 * minute))).toBeNull();
    expect(maxLoginFailures).toBe(5);
  });
});
