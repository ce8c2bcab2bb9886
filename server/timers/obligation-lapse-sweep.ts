import type { Store } from '#api/store/store.ts';
import { runObligationLapseSweep } from '#api/obligations/lapse-sweep.ts';
import { repeatPass } from './repeating-pass.ts';

// Lapses obligations past their due date (audit entry, package event, re-review), once at start
// and then every interval. Every API instance runs one; the revision check makes each lapse
// happen once across all of them (api/obligations/lapse-sweep.ts).

export interface ObligationLapseSweepTimer {
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export function startObligationLapseSweep(options: { store: Store; intervalMs: number; newId: () => string; now?: () => Date; logError?: (error: unknown) => void }): ObligationLapseSweepTimer {
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[obligations] lapse sweep error', error));
  const sweep = async (): Promise<void> => {
    await runObligationLapseSweep(options.store, { now: now(), newId: options.newId });
  };
  const timer = repeatPass(sweep, { intervalMs: options.intervalMs, atStart: true, logError });
  return { sweep, stop: () => timer.stop() };
}
