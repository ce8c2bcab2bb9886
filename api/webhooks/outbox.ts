import type { StoreTx } from '../store/store.ts';
import type { PackageEvent } from '#domain/contracts/package-events.ts';
import { webhookPayload } from '#domain/webhooks/events.ts';
import { isSubscribed } from '#domain/webhooks/subscribed.ts';

// The outbox: a package event (api/events/) becomes one queued delivery per enabled endpoint
// subscribed to it, written in the transaction of the change itself, so an event is queued
// exactly when its change commits. The dispatcher (server only) sends them later.

export async function enqueueWebhookEvents(tx: StoreTx, events: readonly PackageEvent[], options: { at: string; newId: () => string }): Promise<void> {
  if (events.length === 0) return;
  const endpoints = (await tx.listWebhookEndpoints()).filter((e) => e.enabled);
  for (const event of events) {
    const subscribers = endpoints.filter((e) => isSubscribed(e.events, event.type));
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
