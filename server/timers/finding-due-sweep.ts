import type { Store } from '#api/store/store.ts';
import { runFindingDueSweep } from '#api/findings/due-sweep.ts';
import { repeatPass } from './repeating-pass.ts';

// Reminds findings' owners of due dates (audit entry, hence the in-app notification and the
// mail), once at start and then every interval. Every API instance runs one; the notice table's
// primary key makes each reminder happen once across all of them (api/findings/due-sweep.ts).

export interface FindingDueSweepTimer {
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export function startFindingDueSweep(options: { store: Store; intervalMs: number; now?: () => Date; logError?: (error: unknown) => void }): FindingDueSweepTimer {
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[findings] due sweep error', error));
  const sweep = async (): Promise<void> => {
    await runFindingDueSweep(options.store, now());
  };
  const timer = repeatPass(sweep, { intervalMs: options.intervalMs, atStart: true, logError });
  return { sweep, stop: () => timer.stop() };
}
