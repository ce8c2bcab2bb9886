import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerRangeStarter } from './start-range.ts';

// The second worker readied before its range is known (docs/decisions/0204): the range then
// runs in that very worker, and a worker readied for nothing is let go.

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

const request = { afterSeq: 39_999, watchSeq: null };

describe('the range starter', () => {
  it('runs the range in the worker readied before it, not in a second one', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const ranges = workerRangeStarter(10_000);
    if (!ranges) throw new Error('no starter where there are workers');
    const release = ranges.prepare();
    expect(FakeWorker.made).toHaveLength(1);
    const range = ranges.start(request, () => undefined);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]?.posted).toEqual([{ ...request, pageSize: 10_000 }]);
    // Letting go of what was readied no longer touches the worker the range runs in.
    release();
    expect(FakeWorker.made[0]?.terminated).toBe(false);
    range.stop();
    expect(FakeWorker.made[0]?.terminated).toBe(true);
  });

  it('lets a readied worker go when no range was started, and starts a range without one', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const ranges = workerRangeStarter(10_000);
    if (!ranges) throw new Error('no starter where there are workers');
    ranges.prepare()();
    expect(FakeWorker.made.map((worker) => worker.terminated)).toEqual([true]);
    ranges.start(request, () => undefined);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]?.terminated).toBe(false);
    expect(FakeWorker.made[1]?.posted).toHaveLength(1);
  });

  it('settles a range whose readied worker failed to start before the range was given to it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const ranges = workerRangeStarter(10_000);
    if (!ranges) throw new Error('no starter where there are workers');
    ranges.prepare();
    // The script failed to load while the check still waited for the head.
    FakeWorker.made[0]?.onerror?.(Object.assign(new Event('error'), { message: 'script failed' }) as ErrorEvent);
    const range = ranges.start(request, () => undefined);
    await expect(range.done).rejects.toThrow('script failed');
    await range.reading;
  });
});
