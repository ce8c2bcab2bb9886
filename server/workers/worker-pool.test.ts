import { afterEach, describe, expect, it } from 'vitest';
import { ComputeRefused, inlineCompute } from '#api/kernel/compute.ts';
import type { RecordJob } from '#domain/evidence/encode-record.ts';
import { sampleRecordJob } from '#tests/fixtures/sample-record-job.ts';
import { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

// The pool that keeps heavy jobs off the event loop: the real worker gives the inline bytes;
// a stand-in worker that spins for as long as it is told shows the bounds (at most `workers`
// at once, `queue` more waiting, one budget per job, a stopped thread replaced).

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool {
  const created = createWorkerPool({ workers: 2, queue: 1, budgetMs: 30_000, ...options });
  pools.push(created);
  return created;
}

// Speaks compute-worker.ts's protocol; `input` says how long to spin (synchronously, as a diff
// does), or to spin for ever, or to fail. It answers with its thread id.
const spinner = new URL(
  `data:text/javascript,${encodeURIComponent(`
  import { parentPort, threadId } from 'node:worker_threads';
  parentPort.on('message', ({ id, input }) => {
    if (input.fail) return parentPort.postMessage({ id, ok: false, error: { name: 'Error', message: input.fail } });
    const until = input.forever ? Infinity : Date.now() + input.ms;
    while (Date.now() < until);
    parentPort.postMessage({ id, ok: true, value: { threadId } });
  });`)}`,
);

type Spin = { ms: number } | { forever: true } | { fail: string };
const spin = (target: WorkerPool, input: Spin) => target.signedRecord(input as unknown as RecordJob) as unknown as Promise<{ threadId: number }>;

async function refusal(promise: Promise<unknown>): Promise<ComputeRefused> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ComputeRefused)) throw new Error(`Expected a ComputeRefused, got ${String(error)}`);
  return error;
}

describe('the compute worker pool', () => {
  it('builds in a worker thread exactly the record the inline job builds', async () => {
    const { job, sample } = await sampleRecordJob();
    const inline = await inlineCompute.signedRecord(job);
    const threaded = await pool().signedRecord(job);
    expect(threaded.fileName).toBe(inline.fileName);
    expect(Buffer.from(threaded.bytes).equals(Buffer.from(inline.bytes))).toBe(true);
    expect(new TextDecoder().decode(threaded.bytes)).toBe(sample.text);
  });

  it('runs `workers` jobs at once, queues `queue` more and refuses the next at once', async () => {
    const target = pool({ url: spinner, workers: 2, queue: 1 });
    const accepted = [spin(target, { ms: 600 }), spin(target, { ms: 600 }), spin(target, { ms: 10 })];
    expect(target.load()).toEqual({ running: 2, waiting: 1 });
    const refused = await refusal(spin(target, { ms: 10 }));
    expect(refused.reason).toBe('busy');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    const threads = await Promise.all(accepted);
    // Two threads did the three jobs: the third waited for one of them.
    expect(new Set(threads.map((t) => t.threadId)).size).toBe(2);
    expect(target.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('stops a job past its budget by ending its thread, and runs the next job on a fresh one', async () => {
    // Long enough for the warm-up job, thread start included, on a busy machine.
    const target = pool({ url: spinner, workers: 1, queue: 1, budgetMs: 2_000 });
    const first = await spin(target, { ms: 1 }); // the thread is up
    const started = performance.now();
    const refused = await refusal(spin(target, { forever: true }));
    expect(refused.reason).toBe('over_budget');
    expect(refused.budgetSeconds).toBe(2);
    expect(performance.now() - started).toBeLessThan(10_000);
    const fresh = await spin(target, { ms: 1 });
    expect(fresh.threadId).not.toBe(first.threadId);
  });

  it('counts the wait in the queue against the budget', async () => {
    const target = pool({ url: spinner, workers: 1, queue: 1, budgetMs: 3_000 });
    await spin(target, { ms: 1 }); // the thread is up
    const first = spin(target, { ms: 1_500 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Waits about a second, then would need 3 s of the 2 s left.
    const second = refusal(spin(target, { ms: 3_000 }));
    await expect(first).resolves.toBeTruthy();
    expect((await second).reason).toBe('over_budget');
  });

  it("passes a job's error on and keeps its thread", async () => {
    const target = pool({ url: spinner, workers: 1 });
    const before = await spin(target, { ms: 1 });
    await expect(spin(target, { fail: 'no such version' })).rejects.toThrow('no such version');
    expect(await spin(target, { ms: 1 })).toEqual(before);
  });

  it('refuses what waits when it closes', async () => {
    const target = pool({ url: spinner, workers: 1, queue: 1 });
    const running = expect(spin(target, { ms: 300 })).rejects.toThrow();
    const waiting = expect(spin(target, { ms: 1 })).rejects.toThrow('closed');
    await target.close();
    await Promise.all([running, waiting]);
    await expect(spin(target, { ms: 1 })).rejects.toThrow('closed');
  });
});
