import { describe, expect, it } from 'vitest';
import { windowBounds, windowEnd, type RatePolicy } from './rate-window.ts';

const policy: RatePolicy = { limit: 3, windowMs: 60_000 };
const t0 = Date.parse('2026-12-01T14:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms);

/** The store's rule (server/db/queries/throttle.ts), on a window that started at `start`: does it start afresh? */
const startsAfresh = (start: Date, now: Date) => {
  const bounds = windowBounds(policy, now);
  const started = start.toISOString();
  return started <= bounds.endedBy || started > bounds.startsAfter;
};

describe('rate window bounds', () => {
  it('a window is over a full window after it started, not a millisecond before', () => {
    expect(startsAfresh(at(0), at(59_999))).toBe(false);
    expect(startsAfresh(at(0), at(60_000))).toBe(true);
    expect(windowEnd(policy, at(0).toISOString())).toEqual(at(60_000));
  });

  it('keeps a window that starts a moment after now (requests racing), and starts afresh when the clock went back further', () => {
    expect(startsAfresh(at(10_000), at(0))).toBe(false);
    expect(startsAfresh(at(120_000), at(0))).toBe(true);
  });

  it('compares as text: every bound is an ISO instant of the same shape', () => {
    expect(windowBounds(policy, at(0))).toEqual({ at: '2026-12-01T14:00:00.000Z', limit: 3, endedBy: '2026-12-01T13:59:00.000Z', startsAfter: '2026-12-01T14:01:00.000Z' });
  });
});
