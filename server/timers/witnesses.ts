import { requestCosignature, type Witness } from '#api/audit/witnesses.ts';
import type { Store } from '#api/store/store.ts';
import { repeatPass } from './repeating-pass.ts';

// Sends the latest checkpoint to each configured witness (C2SP tlog-witness, docs/decisions/0105)
// at start and then every interval, keeping their cosignatures (api/audit/witnesses.ts). A
// refusal is logged as an alarm: a witness that will not cosign says the log does not extend
// what it saw before, which only a rewritten history (or another log under our key) explains.

export interface WitnessTimerOptions {
  store: Store;
  witnesses: readonly Witness[];
  publicOrigin: string;
  intervalMs: number;
  send?: (url: string, init: RequestInit) => Promise<Response>;
  log?: (message: string) => void;
}

export function startWitnessing(options: WitnessTimerOptions): { stop(): Promise<void> } {
  const send = options.send ?? ((url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) }));
  const log = options.log ?? ((message: string) => console.error(message));
  const pass = async () => {
    for (const witness of options.witnesses) {
      try {
        const outcome = await requestCosignature({ store: options.store, now: () => new Date() }, options.publicOrigin, witness, send);
        if (!outcome.ok) log(`[witness] ${witness.name} REFUSED to cosign (${outcome.status}): ${outcome.message}`);
      } catch (error) {
        log(`[witness] ${witness.name} could not be reached: ${(error as Error).message}`);
      }
    }
  };
  const timer = repeatPass(pass, { intervalMs: options.intervalMs, atStart: true, logError: (error) => log(`[witness] ${String(error)}`) });
  return { stop: () => timer.stop() };
}
