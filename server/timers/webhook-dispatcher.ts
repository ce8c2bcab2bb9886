import type { Store, StoredWebhookDelivery } from '#api/store/store.ts';
import { retryDelayMs } from '#domain/webhooks/backoff.ts';
import { webhookHeaders } from '#domain/webhooks/sign.ts';
import type { AllowEntry } from '#domain/webhooks/address.ts';
import { repeatPass } from './repeating-pass.ts';
import { postWebhook, systemResolver, type ResolveHost } from './webhook-request.ts';

// Sends queued webhook deliveries. Every tick it reads the due ones and claims each with a
// conditional update (moving its next attempt forward by a lease), so two API instances on
// one database never send the same attempt twice; a crashed sender's lease simply runs out
// and the delivery becomes due again. Each attempt is recorded with the delivery's new state
// in one transaction. Server only: the mocks queue deliveries but nothing sends them.
// Where a request may go is decided per attempt, after resolving (webhook-request.ts).

export interface WebhookDispatcherOptions {
  store: Store;
  intervalMs: number;
  backoffBaseMs: number;
  timeoutMs?: number;
  batchSize?: number;
  now?: () => Date;
  /** Hosts and ranges that may be reached although not public (WEBHOOK_ALLOWED_HOSTS); none by default. */
  allowList?: readonly AllowEntry[];
  /** The resolver (tests stand in for DNS); the system's by default. */
  resolve?: ResolveHost;
  logError?: (error: unknown) => void;
}

export interface WebhookDispatcher {
  /** One pass over the due deliveries (the timer calls this; tests may too). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const defaultTimeoutMs = 10_000;

export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { store, intervalMs, backoffBaseMs } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const batchSize = options.batchSize ?? 20;
  const now = options.now ?? (() => new Date());
  const requestOptions = { allowList: options.allowList ?? [], timeoutMs, resolve: options.resolve ?? systemResolver };
  const logError = options.logError ?? ((error: unknown) => console.error('[webhooks] dispatcher error', error));

  async function attempt(delivery: StoredWebhookDelivery): Promise<void> {
    if (delivery.nextAttemptAt === null) return;
    // The lease outlasts the request's timeout, so nobody else takes it while it runs.
    const leaseUntil = new Date(now().getTime() + timeoutMs + 5_000).toISOString();
    if (!(await store.claimWebhookDelivery(delivery.id, delivery.nextAttemptAt, leaseUntil))) return;
    const endpoint = await store.findWebhookEndpoint(delivery.endpointId);
    if (!endpoint) return;

    const number = delivery.attempts + 1;
    const sentAt = now();
    const started = performance.now();
    // A redirect is an answer, not a success: it is not followed with the signed body.
    const { statusCode, failure: error } = await postWebhook(endpoint.url, { headers: await webhookHeaders(endpoint.secret, delivery.eventId, sentAt, delivery.payload), body: delivery.payload }, requestOptions);
    const durationMs = Math.max(0, Math.round(performance.now() - started));
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const delay = delivered ? null : retryDelayMs(number, backoffBaseMs);
    const status = delivered ? 'delivered' : delay === null ? 'failed' : 'pending';
    const finishedAt = now();
    await store.transaction(async (tx) => {
      await tx.insertWebhookAttempt({ deliveryId: delivery.id, attempt: number, at: sentAt.toISOString(), statusCode, error, durationMs });
      await tx.updateWebhookDelivery(delivery.id, {
        attempts: number,
        status,
        nextAttemptAt: status === 'pending' && delay !== null ? new Date(finishedAt.getTime() + delay).toISOString() : null,
        lastStatus: statusCode,
        lastError: error,
        deliveredAt: delivered ? finishedAt.toISOString() : null,
      });
    });
  }

  async function tick(): Promise<void> {
    const due = await store.listDueWebhookDeliveries(now().toISOString(), batchSize);
    await Promise.all(due.map((d) => attempt(d).catch(logError)));
  }

  const timer = repeatPass(tick, { intervalMs, atStart: false, logError });
  return { tick, stop: () => timer.stop() };
}
