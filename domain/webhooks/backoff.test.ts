import { describe, expect, it } from 'vitest';
import { maxWebhookAttempts, retryDelayMs } from './backoff.ts';

describe('webhook retry schedule', () => {
  it('waits 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, then gives up', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n));
    expect(delays).toEqual([5_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, null]);
    expect(maxWebhookAttempts).toBe(7);
  });

  it('scales with the configured base', () => {
    expect(retryDelayMs(1, 10)).toBe(10);
    expect(retryDelayMs(2, 10)).toBe(60);
    expect(retryDelayMs(7, 10)).toBeNull();
  });
});
