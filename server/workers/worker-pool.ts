import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ComputeRefused, type ComputePort } from '#api/kernel/compute.ts';
import type { ComputeTask, JobMessage, ReplyMessage, ServerCompute } from './compute-tasks.ts';

// CPU-heavy jobs off the event loop (docs/decisions/0064-export-off-the-event-loop.md): at
// most `workers` run at once, each on its own worker thread; at most `queue` more wait; one
// more is refused at once. A job has one time budget from the moment it is accepted, waiting
// included: past it, a waiting job leaves the queue and a running one's thread is terminated
// (the only way to stop synchronous work), and the caller learns why. Threads start on first
// use and stay for the next job; an idle thread does not keep the process alive.

export interface WorkerPoolOptions {
  /** At most this many jobs run at once, one per thread. */
  workers: number;
  /** At most this many jobs wait for a thread; one more is refused (ComputeRefused 'busy'). */
  queue: number;
  /** A job's whole time, waiting included; past it the job is stopped (ComputeRefused 'over_budget'). */
  budgetMs: number;
  /** Heap bounds of each thread: a job that outgrows them ends its thread, not the server. */
  resourceLimits?: ResourceLimits;
  /** The worker's module; compute-worker.ts unless a test needs another. */
  url?: URL;
}

export interface WorkerPool extends ServerCompute {
  /** Jobs running and waiting now. */
  load(): { running: number; waiting: number };
  /** Ends every thread and refuses what is still waiting; jobs are refused from then on. */
  close(): Promise<void>;
}

interface Job {
  message: JobMessage;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** What the thread died of, if it did (an uncaught error, or its heap bound). */
  failure?: Error;
}

/** How long a refused client is asked to wait when every thread is busy and the queue full. */
const busyRetryAfterSeconds = 5;

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const url = options.url ?? new URL('./compute-worker.ts', import.meta.url);
  const budgetSeconds = Math.ceil(options.budgetMs / 1000);
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  let nextId = 1;
  let closed = false;

  const running = () => slots.filter((slot) => slot.job !== null).length;

  function run(task: ComputeTask, input: unknown): Promise<unknown> {
    if (closed) return Promise.reject(new Error('The compute pool is closed'));
    if (running() >= options.workers && waiting.length >= options.queue) {
      return Promise.reject(new ComputeRefused('busy', { retryAfterSeconds: busyRetryAfterSeconds, budgetSeconds }));
    }
    return new Promise((resolve, reject) => {
      const job: Job = { message: { id: nextId++, task, input }, resolve, reject, timer: setTimeout(() => expire(job), options.budgetMs) };
      waiting.push(job);
      dispatch();
    });
  }

  function dispatch(): void {
    while (waiting.length > 0) {
      const slot = slots.find((candidate) => candidate.job === null) ?? (slots.length < options.workers ? spawn() : null);
      const job = slot ? waiting.shift() : undefined;
      if (!slot || !job) return;
      slot.job = job;
      slot.worker.ref();
      try {
        slot.worker.postMessage(job.message);
      } catch (error) {
        // Input that cannot be cloned (a bug in the caller): that job fails, the thread stays.
        release(slot);
        settle(job, () => job.reject(error));
      }
    }
  }

  function spawn(): Slot {
    const worker = new Worker(url, options.resourceLimits ? { resourceLimits: options.resourceLimits } : {});
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on('message', (reply: ReplyMessage) => {
      const job = slot.job;
      if (!job || job.message.id !== reply.id) return;
      release(slot);
      settle(job, () => (reply.ok ? job.resolve(reply.value) : job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }))));
      dispatch();
    });
    worker.on('error', (error: Error) => {
      slot.failure = error;
    });
    worker.on('exit', (code) => {
      const index = slots.indexOf(slot);
      if (index !== -1) slots.splice(index, 1);
      const job = slot.job;
      slot.job = null;
      if (job) settle(job, () => job.reject(slot.failure ?? new Error(`A compute thread exited (code ${code}) during a ${job.message.task} job`)));
      if (!closed) dispatch();
    });
    slots.push(slot);
    return slot;
  }

  function release(slot: Slot): void {
    slot.job = null;
    slot.worker.unref();
  }

  function settle(job: Job, finish: () => void): void {
    clearTimeout(job.timer);
    finish();
  }

  function expire(job: Job): void {
    const index = waiting.indexOf(job);
    if (index !== -1) waiting.splice(index, 1);
    const slot = slots.find((candidate) => candidate.job === job);
    if (slot) {
      // Synchronous work cannot be interrupted: its thread goes, a fresh one takes the next job.
      slots.splice(slots.indexOf(slot), 1);
      slot.job = null;
      void slot.worker.terminate();
    }
    job.reject(new ComputeRefused('over_budget', { retryAfterSeconds: budgetSeconds, budgetSeconds }));
    dispatch();
  }

  return {
    signedRecord: (job) => run('signedRecord', job) as ReturnType<ComputePort['signedRecord']>,
    recordPdf: (job) => run('recordPdf', job) as ReturnType<ServerCompute['recordPdf']>,
    load: () => ({ running: running(), waiting: waiting.length }),
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) settle(job, () => job.reject(new Error('The compute pool closed')));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
