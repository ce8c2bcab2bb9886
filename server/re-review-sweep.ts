import type { Store } from '../domain/api/store.ts';
import { runReReviewSweep } from '../domain/workflow/re-review-sweep-run.ts';

// Announces re-reviews that have fallen due (audit entry, webhook event, hence the in-app
// notification), once at start and then every interval. Every API instance runs one; the
// notice table's primary key makes each announcement happen once across all of them (see
// domain/workflow/re-review-sweep-run.ts). The webhook dispatcher then sends the events.

export interface ReReviewSweepTimerOptions {
  store: Store;
  intervalMs: number;
  newId: () => string;
  now?: () => Date;
  logError?: (error: unknown) => void;
}

export interface ReReviewSweepTimer {
  /** One pass (the timer calls this; tests may too). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export function startReReviewSweep(options: ReReviewSweepTimerOptions): ReReviewSweepTimer {
  const { store, intervalMs, newId } = options;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[re-review] sweep error', error));

  const sweep = async (): Promise<void> => {
    await runReReviewSweep(store, { now: now(), newId });
  };

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A pass at start: a re-review that fell due while no instance ran is announced at once.
  let running: Promise<void> = sweep().catch(logError).finally(() => schedule());
  // The next pass is scheduled when this one ends, so passes never overlap.
  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep().catch(logError).finally(schedule);
    }, intervalMs);
  }

  return {
    sweep,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
