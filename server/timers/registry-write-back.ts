import type { RegistryConnectors } from '#api/kernel/registry-port.ts';
import type { Store, StoredRegistryWriteBack } from '#api/store/store.ts';
import { performWriteBack } from '#api/registries/perform-write-back.ts';
import { retryDelayMs } from '#domain/webhooks/backoff.ts';
import { repeatPass } from './repeating-pass.ts';

// Sends queued registry write-backs, the way the webhook dispatcher sends deliveries: each due
// one is claimed with a conditional update (a lease), so two API instances never write the
// same one at once; each attempt is recorded with the write-back's new state in one
// transaction, and a completed one is audited. A registry that cannot be reached is tried
// again on the webhook schedule and then every 6 hours, never given up: nothing is lost while
// a registry is down. A registry that refuses (bad credentials, a version it does not have)
// fails at once, visibly on the package page.

export interface RegistryWriteBackOptions {
  store: Store;
  registries: RegistryConnectors;
  intervalMs: number;
  backoffBaseMs: number;
  /** PUBLIC_URL's origin: the record URL written to the registry is absolute when known. */
  publicOrigin?: string;
  batchSize?: number;
  now?: () => Date;
  logError?: (error: unknown) => void;
}

export interface RegistryWriteBackDispatcher {
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const leaseMs = 60_000;
/** The longest wait between two attempts at an unreachable registry (the schedule's last step). */
const longestDelay = (baseMs: number) => retryDelayMs(6, baseMs) ?? 4_320 * baseMs;

export function startRegistryWriteBacks(options: RegistryWriteBackOptions): RegistryWriteBackDispatcher {
  const { store, registries, backoffBaseMs } = options;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((error: unknown) => console.error('[registries] write-back error', error));

  async function attempt(writeBack: StoredRegistryWriteBack): Promise<void> {
    if (writeBack.nextAttemptAt === null) return;
    if (!(await store.claimRegistryWriteBack(writeBack.id, writeBack.nextAttemptAt, new Date(now().getTime() + leaseMs).toISOString()))) return;
    const number = writeBack.attempts + 1;
    const startedAt = now();
    const started = performance.now();
    const connector = registries.find(writeBack.connectorId);
    const { calls, error } = connector
      ? await performWriteBack(connector, writeBack, options.publicOrigin)
      : { calls: [], error: { kind: 'refused' as const, message: `The connector ${writeBack.connectorId} is no longer configured` } };
    const durationMs = Math.max(0, Math.round(performance.now() - started));
    const retry = error?.kind === 'unavailable';
    const status = error === null ? 'done' : retry ? 'pending' : 'failed';
    const finishedAt = now();
    const delay = retryDelayMs(number, backoffBaseMs) ?? longestDelay(backoffBaseMs);
    await store.transaction(async (tx) => {
      await tx.insertRegistryWriteBackAttempt({ writeBackId: writeBack.id, attempt: number, at: startedAt.toISOString(), calls, error: error?.message ?? null, durationMs });
      const updated = await tx.updateRegistryWriteBack(writeBack.id, {
        attempts: number,
        status,
        nextAttemptAt: status === 'pending' ? new Date(finishedAt.getTime() + delay).toISOString() : null,
        lastError: error?.message ?? null,
        doneAt: status === 'done' ? finishedAt.toISOString() : null,
      });
      if (!updated || status !== 'done') return;
      await tx.appendAudit({
        event: { action: 'registry.written_back', subject: writeBack.packageId, before: null, after: { connector: writeBack.connectorId, registryModel: writeBack.registryModel, registryVersion: writeBack.registryVersion, outcome: writeBack.outcome, calls } },
        actorId: null,
        at: finishedAt.toISOString(),
      });
    });
  }

  async function tick(): Promise<void> {
    const due = await store.listDueRegistryWriteBacks(now().toISOString(), options.batchSize ?? 20);
    // One registry version at a time, oldest first: a later outcome is never overtaken by an earlier one.
    for (const writeBack of due) await attempt(writeBack).catch(logError);
  }

  const timer = repeatPass(tick, { intervalMs: options.intervalMs, atStart: false, logError });
  return { tick, stop: () => timer.stop() };
}
