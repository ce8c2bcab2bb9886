import type { StoreTx } from '../store/store.ts';
import { webhookPayload, type WebhookEvent } from '#domain/webhooks/events.ts';
import { enqueueRegistryWriteBacks } from '../registries/write-back-outbox.ts';

// The outbox: a workflow event becomes one queued delivery per enabled endpoint subscribed
// to it, written in the transaction of the change itself, so an event is queued exactly when
// its change commits. The dispatcher (server only) sends them later. The same events queue
// the write-backs to the model registry a package came from (api/registries/).

export async function enqueueWebhookEvents(tx: StoreTx, events: readonly WebhookEvent[], options: { at: string; newId: () => string }): Promise<void> {
  if (events.length === 0) return;
  await enqueueRegistryWriteBacks(tx, events, options);
  const endpoints = (await tx.listWebhookEndpoints()).filter((e) => e.enabled);
  for (const event of events) {
    const subscribers = endpoints.filter((e) => e.events.includes(event.type));
    if (subscribers.length === 0) continue;
    // One id per event: the same webhook-id at every endpoint, and on every retry.
    const eventId = `msg_${options.newId()}`;
    const payload = webhookPayload(event, eventId, options.at);
    for (const endpoint of subscribers) {
      await tx.insertWebhookDelivery({
        id: `whd_${options.newId()}`,
        endpointId: endpoint.id,
        eventId,
        eventType: event.type,
        payload,
        attempts: 0,
        status: 'pending',
        nextAttemptAt: options.at,
        lastStatus: null,
        lastError: null,
        deliveredAt: null,
        createdAt: options.at,
      });
    }
  }
}
