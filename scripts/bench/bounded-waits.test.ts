import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenchWaitTimeout, within } from './bounded-waits.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('within', () => {
  it('fails a wait that never ends once its bound has passed, naming it', async () => {
    vi.useFakeTimers();
    let settled = false;
    const waiting = within('moving through the 60 sections', 120_000, new Promise<never>(() => undefined)).finally(() => {
      settled = true;
    });
    const outcome = expect(waiting).rejects.toThrow(/moving through the 60 sections did not finish within 120 s/);
    await vi.advanceTimersByTimeAsync(119_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    await expect(waiting).rejects.toBeInstanceOf(BenchWaitTimeout);
  });

  it('answers what the wait answers, or its own error, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    await expect(within('reading the page probe', 30_000, Promise.resolve(7))).resolves.toBe(7);
    await expect(within('reading the page probe', 30_000, Promise.reject(new Error('The page probe was not installed')))).rejects.toThrow('The page probe was not installed');
    expect(vi.getTimerCount()).toBe(0);
  });
});
