import type { DataRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { startClientApp } from './create-client-app.ts';

// Only whether and when the router is made matters here, not the router itself.
const fakeRouter = {} as DataRouter;

describe('startClientApp', () => {
  it('makes the router only once the early requests are asked for', async () => {
    const makeRouter = vi.fn(() => fakeRouter);
    let asked: () => void = () => undefined;
    const early = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const started = startClientApp(makeRouter, () => early, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(makeRouter).not.toHaveBeenCalled();
    asked();
    await expect(started).resolves.toMatchObject({ router: fakeRouter });
    expect(makeRouter).toHaveBeenCalledOnce();
  });

  it('makes it anyway after the longest wait, or when the early requests fail', async () => {
    const makeRouter = vi.fn(() => fakeRouter);
    await expect(startClientApp(makeRouter, () => new Promise(() => undefined), 10)).resolves.toMatchObject({ router: fakeRouter });
    await expect(startClientApp(makeRouter, () => Promise.reject(new Error('offline')), 60_000)).resolves.toMatchObject({ router: fakeRouter });
    expect(makeRouter).toHaveBeenCalledTimes(2);
  });

  it('makes the router in a task after the one its early requests ended in, not in the main bundle’s', async () => {
    const makeRouter = vi.fn(() => fakeRouter);
    // The diff view's early requests are made at once (both versions named in its address).
    const started = startClientApp(makeRouter, () => Promise.resolve(), 60_000);
    // Every microtask this task can run: the main bundle's evaluation ends with them.
    for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    expect(makeRouter).not.toHaveBeenCalled();
    await expect(started).resolves.toMatchObject({ router: fakeRouter });
    expect(makeRouter).toHaveBeenCalledOnce();
  });

  it('tells the early requests when the router is made, not before', async () => {
    let routed: AbortSignal | undefined;
    const makeRouter = vi.fn(() => {
      expect(routed?.aborted).toBe(true);
      return fakeRouter;
    });
    await startClientApp(
      makeRouter,
      (_, signal) => {
        routed = signal;
        expect(signal.aborted).toBe(false);
        return Promise.resolve();
      },
      60_000,
    );
    expect(makeRouter).toHaveBeenCalledOnce();
  });
});
