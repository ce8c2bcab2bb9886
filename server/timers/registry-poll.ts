import type { ApiDeps } from '#api/kernel/context.ts';
import { pollRegistry, type PollReport } from '#api/registries/poll.ts';
import { repeatPass } from './repeating-pass.ts';

// The polling fallback for registry intake (api/registries/poll.ts), once at start and then
// every interval, each connector in turn. A registry that cannot be read is logged and asked
// again next time; two instances polling at once make one draft per version (intake inserts
// on the version's key).

export interface RegistryPollOptions {
  deps: ApiDeps;
  intervalMs: number;
  /** How far back a pass looks for versions created (hours). */
  lookbackHours: number;
  logError?: (error: unknown) => void;
}

export interface RegistryPoller {
  /** One pass over every connector (the timer calls this; tests may too). */
  poll(): Promise<PollReport[]>;
  stop(): Promise<void>;
}

export function startRegistryPolling(options: RegistryPollOptions): RegistryPoller {
  const { deps } = options;
  const logError = options.logError ?? ((error: unknown) => console.error('[registries] poll error', error));
  const poll = async (): Promise<PollReport[]> => {
    const since = new Date(deps.now().getTime() - options.lookbackHours * 3_600_000);
    const reports: PollReport[] = [];
    for (const connector of deps.registries?.list() ?? []) {
      try {
        reports.push(await pollRegistry(deps, connector, since));
      } catch (error) {
        logError(error);
      }
    }
    return reports;
  };
  const timer = repeatPass(async () => {
    await poll();
  }, { intervalMs: options.intervalMs, atStart: true, logError });
  return { poll, stop: () => timer.stop() };
}
