import type { Store } from '#api/store/store.ts';
import { deleteExpiredState } from '#api/system/expired-state.ts';
import { repeatPass } from './repeating-pass.ts';

// Deletes expired sessions, nonces, passkey challenges and old sign-in failures (see
// api/system/expired-state.ts), once at start and then every interval. Every instance may run
// one: each pass is a handful of conditional deletes, harmless when another instance ran first.

export interface CleanupTimerOptions {
  store: Store;
  intervalMs: number;
  now?: () => Date;
  logError?: (error: unknown) => void;
}

export interface CleanupTimer {
  /** One pass (the timer calls this; tests may too). */
  clean(): Promise<void>;
  stop(): Promise<void>;
}

export function startCleanup(options: CleanupTimerOptions): CleanupTimer {
  const { store, intervalMs } = options;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[cleanup] pass error', error));
  const clean = async (): Promise<void> => {
    await deleteExpiredState(store, now());
  };
  const timer = repeatPass(clean, { intervalMs, atStart: true, logError });
  return { clean, stop: () => timer.stop() };
}
