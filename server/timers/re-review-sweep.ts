import type { Store } from '#api/store/store.ts';
import { runReReviewSweep } from '#api/re-review/re-review-sweep-run.ts';
import { repeatPass } from './repeating-pass.ts';

// Announces re-reviews that have fallen due (audit entry, package event, hence the in-app
// notification), once at start and then every interval. Every API instance runs one; the
// notice table's primary key makes each announcement happen once across all of them (see
// api/re-review/re-review-sweep-run.ts).

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

  // A pass at start: a re-review that fell due while no instance ran is announced at once.
  const timer = repeatPass(sweep, { intervalMs, atStart: true, logError });
  return { sweep, stop: () => timer.stop() };
}
