import type { RangeDone, RangeMessage, RangeRequest } from './check-range.ts';

/** A range being checked elsewhere: its leaves as they come, then what it found (a rejection when it could not finish). */
export interface RangeCheck {
  done: Promise<RangeDone>;
  /**
   * Settles once the range is being read (its worker started, the server answered its stream),
   * or once it has failed or finished. The first share, the smaller one with time to spare, is
   * read only then: started together, the first stream held up the second worker's script by
   * 100 to 400 ms and its stream's first bytes by about 200 ms at load, and the second share,
   * the longer one, finished that much later (docs/decisions/0201).
   */
  reading: Promise<void>;
  stop: () => void;
}

export type StartRange = (request: RangeRequest, onLeaves: (leaves: Uint8Array, count: number) => void) => RangeCheck;

/**
 * Ranges in workers of their own. `prepare` creates the next range's worker before the range
 * is known, so its script loads and runs while the check still waits for the keys and the
 * tree head that say where to split (30 to 170 ms of a 100,000-entry check, docs/decisions/0204);
 * `start` then takes that worker. What `prepare` returns lets the worker go when no range was
 * started (a log too small to split).
 */
export interface RangeStarter {
  start: StartRange;
  prepare: () => () => void;
}

const couldNotStart = 'The second integrity worker could not start.';

/** A range's worker and whether it failed to start before its range was given to it (its error would be missed otherwise, and the range never settle). */
interface RangeWorker {
  worker: Worker;
  failed: string | null;
}

function newRangeWorker(): RangeWorker {
  const ready: RangeWorker = { worker: new Worker(new URL('./range.worker.ts', import.meta.url), { type: 'module', name: 'audit-integrity-range' }), failed: null };
  ready.worker.onerror = (event) => {
    event.preventDefault();
    ready.failed = event.message || couldNotStart;
  };
  return ready;
}

/** Starts each range in a worker of its own; undefined where there are no workers (the check then reads the whole log itself). */
export function workerRangeStarter(pageSize: number): RangeStarter | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let prepared: RangeWorker | null = null;
  const prepare = () => {
    const ready = prepared ?? newRangeWorker();
    prepared = ready;
    return () => {
      if (prepared !== ready) return;
      prepared = null;
      ready.worker.terminate();
    };
  };
  const start: StartRange = (request, onLeaves) => {
    const ready = prepared ?? newRangeWorker();
    prepared = null;
    return runInWorker(ready, { ...request, pageSize }, onLeaves);
  };
  return { start, prepare };
}

function runInWorker({ worker, failed }: RangeWorker, request: RangeRequest & { pageSize: number }, onLeaves: (leaves: Uint8Array, count: number) => void): RangeCheck {
  let markReading: () => void = () => undefined;
  const reading = new Promise<void>((resolve) => {
    markReading = resolve;
  });
  const done = new Promise<RangeDone>((resolve, reject) => {
    if (failed !== null) {
      reject(new Error(failed));
      return;
    }
    worker.onmessage = (event: MessageEvent<RangeMessage>) => {
      const message = event.data;
      if (message.type === 'reading') markReading();
      else if (message.type === 'leaves') onLeaves(message.leaves, message.count);
      else if (message.type === 'done') resolve(message.done);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || couldNotStart));
    };
  });
  // A range that failed (or had nothing to read) never says so: the first share waits no longer.
  void done.then(markReading, markReading);
  worker.postMessage(request);
  return { done, reading, stop: () => worker.terminate() };
}
