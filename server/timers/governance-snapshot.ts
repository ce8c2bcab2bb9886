import type { Store } from '#api/store/store.ts';
import { takeGovernanceSnapshot } from '#api/dashboard/governance-snapshot.ts';
import { repeatPass } from './repeating-pass.ts';

// Records the governance figures' monthly snapshot (docs/decisions/0136), once at start and then
// every interval: a pass in a month whose predecessor is recorded writes nothing, so the month
// change is caught within one interval. Every API instance runs one; the primary key keeps one.

export interface GovernanceSnapshotTimer {
  pass(): Promise<void>;
  stop(): Promise<void>;
}

export function startGovernanceSnapshots(options: { store: Store; intervalMs: number; now?: () => Date; logError?: (error: unknown) => void }): GovernanceSnapshotTimer {
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[governance] snapshot error', error));
  const pass = async (): Promise<void> => {
    await takeGovernanceSnapshot(options.store, now());
  };
  const timer = repeatPass(pass, { intervalMs: options.intervalMs, atStart: true, logError });
  return { pass, stop: () => timer.stop() };
}
