import type { RangeDone, RangeMessage, RangeRequest } from './check-range.ts';

/** A range being checked elsewhere: its leaves as they come, then what it found (a rejection when it could not finish). */
export interface RangeCheck {
  done: Promise<RangeDone>;
  /**
   * Settles once the range's worker runs (its script loaded), or cannot start. The first share
   * is read only then: behind the first share's stream, the server answered the second
   * worker's script 100 to 400 ms late, and the second share started that much later
   * (docs/decisions/0201).
   */
  running: Promise<void>;
  stop: () => void;
}

export type StartRange = (request: RangeRequest, onLeaves: (leaves: Uint8Array, count: number) => void) => RangeCheck;

/** Starts the range in a worker of its own; undefined where there are no workers (the check then reads the whole log itself). */
export function workerRangeStarter(pageSize: number): StartRange | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return (request, onLeaves) => {
    const worker = new Worker(new URL('./range.worker.ts', import.meta.url), { type: 'module', name: 'audit-integrity-range' });
    let markRunning: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      markRunning = resolve;
    });
    const done = new Promise<RangeDone>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<RangeMessage>) => {
        const message = event.data;
        if (message.type === 'running') markRunning();
        else if (message.type === 'leaves') onLeaves(message.leaves, message.count);
        else if (message.type === 'done') resolve(message.done);
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message || 'The second integrity worker could not start.'));
      };
    });
    // A worker that failed to start runs no longer either: the first share waits no more.
    void done.then(markRunning, markRunning);
    worker.postMessage({ ...request, pageSize });
    return { done, running, stop: () => worker.terminate() };
  };
}
