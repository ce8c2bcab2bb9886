import { diffSectionPairs } from '#domain/diff/package-diff.ts';
import { diffSections } from './diff-sections.ts';
import { nextTask } from '#src/lib/next-task.ts';
import type { DiffProgress, DiffRequest, DiffShare, DiffShareReply } from './diff-protocol.ts';
import { sharePairs } from './share-pairs.ts';

/** A comparison's workers, started before its versions are in; `run` once, `close` when done with it. */
export interface DiffPool {
  run: (request: DiffRequest, onProgress: (progress: DiffProgress) => void) => void;
  close: () => void;
}

/**
 * How many workers compare: two where the browser says it has two cores or more. A 2 MB
 * resubmission kept one worker busy for most of the diff view's time to every section
 * compared (docs/decisions/0196); sections are independent, so two workers each take
 * half of it, and the page's own thread mostly waits meanwhile.
 */
export function diffWorkerCount(cores: number | undefined): number {
  return cores !== undefined && cores >= 2 ? 2 : 1;
}

/**
 * Starts the workers now, so that their scripts load while the versions are still being
 * fetched; `run` then shares the sections out between them. In Web Workers where the browser
 * has them (always, in the app); on the main thread, a section per task, where it has not
 * (jsdom in component tests), so the same page code runs in both.
 */
export function openDiffPool(): DiffPool {
  if (typeof Worker === 'undefined') return threadPool();
  const workers = Array.from({ length: diffWorkerCount(navigator.hardwareConcurrency) }, () => new Worker(new URL('./diff.worker.ts', import.meta.url), { type: 'module', name: 'package-diff' }));
  // A worker can fail to start before there is anything to compare: said when the run starts.
  let failure: string | null = null;
  let onProgress: ((progress: DiffProgress) => void) | null = null;
  const close = () => {
    for (const worker of workers) worker.terminate();
  };
  const fail = (message: string) => {
    if (failure !== null) return;
    failure = message;
    close();
    onProgress?.({ type: 'error', message });
  };
  for (const worker of workers) {
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'The comparison could not start.');
    };
  }
  return {
    close,
    run(request, report) {
      onProgress = report;
      if (failure !== null) return report({ type: 'error', message: failure });
      const started = performance.now();
      const pairs = diffSectionPairs(request.before, request.after);
      const shares = sharePairs(pairs, workers.length);
      report({ type: 'start', total: pairs.length });
      let working = shares.length;
      const finish = () => report({ type: 'done', elapsedMs: performance.now() - started });
      if (working === 0) finish();
      workers.forEach((worker, at) => {
        const share = shares[at];
        // A worker with no share (fewer sections than workers) is not needed.
        if (!share) return worker.terminate();
        worker.onmessage = (event: MessageEvent<DiffShareReply>) => {
          const reply = event.data;
          if (failure !== null) return;
          if (reply.type === 'section') report(reply);
          else if (reply.type === 'error') fail(reply.message);
          else if (--working === 0) finish();
        };
        worker.postMessage({ pairs: share, bounds: request.bounds } satisfies DiffShare);
      });
    },
  };
}

function threadPool(): DiffPool {
  let cancelled = false;
  return {
    run(request, onProgress) {
      diffSections(request, (progress) => !cancelled && onProgress(progress), nextTask, () => cancelled).catch((error: unknown) => {
        if (!cancelled) onProgress({ type: 'error', message: error instanceof Error ? error.message : 'The comparison failed.' });
      });
    },
    close: () => {
      cancelled = true;
    },
  };
}
