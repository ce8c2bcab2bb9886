import { afterEach, describe, expect, it, vi } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import { diffPackages } from '#domain/diff/package-diff.ts';
import { defaultDiffBounds } from '#domain/diff/types.ts';
import { compareShare } from './diff-sections.ts';
import type { DiffProgress, DiffShare, DiffShareReply } from './diff-protocol.ts';
import { diffWorkerCount, openDiffPool } from './diff-pool.ts';

/** A Worker that runs the diff worker's code in this thread, a task later, and records what it was sent. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<DiffShareReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  shares: DiffShare[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(share: DiffShare) {
    // As postMessage does: the worker gets its own copy.
    this.shares.push(structuredClone(share));
    setTimeout(() => compareShare(structuredClone(share), (reply) => !this.terminated && this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<DiffShareReply>)), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

// No time bound: under load a word diff could fall back to coarser in one run and not in the other.
const bounds = { ...defaultDiffBounds, timeoutMs: 60_000, markdownBlocks: 'only' } as const;

function withWorkers(cores: number) {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('navigator', { hardwareConcurrency: cores });
}

function runToEnd(): Promise<DiffProgress[]> {
  const pool = openDiffPool();
  return new Promise((resolve) => {
    const seen: DiffProgress[] = [];
    pool.run({ before: retailCreditPdV1, after: retailCreditPdV2, bounds }, (progress) => {
      seen.push(progress);
      if (progress.type === 'done' || progress.type === 'error') resolve(seen);
    });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the diff workers', () => {
  it('are two where the browser has two cores or more, one otherwise', () => {
    expect([undefined, 1, 2, 8].map(diffWorkerCount)).toEqual([1, 1, 2, 2]);
  });

  it('start when the pool opens, before there is anything to compare', () => {
    withWorkers(4);
    openDiffPool();
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made.every((worker) => worker.shares.length === 0)).toBe(true);
  });

  it('share the sections out, each compared once and as one worker alone compares it, done when both are through', async () => {
    withWorkers(2);
    const progress = await runToEnd();
    const expected = diffPackages(retailCreditPdV1, retailCreditPdV2, bounds).sections;
    expect(progress[0]).toEqual({ type: 'start', total: expected.length });
    expect(progress.at(-1)?.type).toBe('done');
    const sections = progress.flatMap((p) => (p.type === 'section' ? [p] : []));
    expect(sections.map((p) => p.index).sort((a, b) => a - b)).toEqual(expected.map((_, index) => index));
    for (const { index, diff } of sections) expect(diff).toEqual(expected[index]);
    // Each worker was sent one share, of some of the sections, and no section twice.
    const [first, second] = FakeWorker.made;
    expect(first?.shares).toHaveLength(1);
    expect(second?.shares).toHaveLength(1);
    const indexes = (worker: FakeWorker | undefined) => worker?.shares[0]?.pairs.map((pair) => pair.index) ?? [];
    expect(indexes(first).length).toBeGreaterThan(0);
    expect(indexes(second).length).toBeGreaterThan(0);
    expect(indexes(first).filter((index) => indexes(second).includes(index))).toEqual([]);
  });

  it('report a worker that failed to start, once, and stop the others', async () => {
    withWorkers(2);
    const pool = openDiffPool();
    FakeWorker.made[0]?.onerror?.({ message: 'no script', preventDefault: () => undefined } as ErrorEvent);
    const seen: DiffProgress[] = [];
    pool.run({ before: retailCreditPdV1, after: retailCreditPdV2, bounds }, (progress) => seen.push(progress));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([{ type: 'error', message: 'no script' }]);
    expect(FakeWorker.made.every((worker) => worker.terminated)).toBe(true);
  });
});
