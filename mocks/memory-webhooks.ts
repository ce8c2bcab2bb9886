import type { StoredWebhookAttempt, StoredWebhookDelivery, StoredWebhookEndpoint, StoreTx } from '#api/store.ts';

// The webhook part of the in-memory store (spread into it by memory-store.ts), keeping the
// database's constraints: unique ids, one delivery per endpoint and event, attempts never changed.

export interface WebhookTables {
  endpoints: StoredWebhookEndpoint[];
  deliveries: StoredWebhookDelivery[];
  attempts: StoredWebhookAttempt[];
}

export const emptyWebhookTables = (): WebhookTables => ({ endpoints: [], deliveries: [], attempts: [] });

const copy = <T>(value: T): T => structuredClone(value);

function refuse(what: string): never {
  throw new Error(`UNIQUE constraint failed: ${what}`);
}

export function memoryWebhookQueries(w: WebhookTables) {
  return {
    listWebhookEndpoints: () => Promise.resolve(copy([...w.endpoints].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)))),
    findWebhookEndpoint: (id: string) => Promise.resolve(copy(w.endpoints.find((e) => e.id === id) ?? null)),
    insertWebhookEndpoint: (endpoint: StoredWebhookEndpoint) => {
      if (w.endpoints.some((e) => e.id === endpoint.id)) refuse('webhook_endpoints.id');
      w.endpoints.push(copy(endpoint));
      return Promise.resolve();
    },
    setWebhookEndpointEnabled: (id: string, enabled: boolean) => {
      const found = w.endpoints.find((e) => e.id === id);
      if (found) found.enabled = enabled;
      return Promise.resolve(found !== undefined);
    },
    insertWebhookDelivery: (delivery: StoredWebhookDelivery) => {
      if (w.deliveries.some((d) => d.id === delivery.id)) refuse('webhook_deliveries.id');
      if (w.deliveries.some((d) => d.endpointId === delivery.endpointId && d.eventId === delivery.eventId)) refuse('webhook_deliveries.endpoint_id, event_id');
      if (!w.endpoints.some((e) => e.id === delivery.endpointId)) throw new Error('FOREIGN KEY constraint failed: webhook_deliveries.endpoint_id');
      w.deliveries.push(copy(delivery));
      return Promise.resolve();
    },
    listWebhookDeliveries: (endpointId: string, limit: number) =>
      Promise.resolve(copy(w.deliveries.filter((d) => d.endpointId === endpointId).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).slice(0, limit))),
    listDueWebhookDeliveries: (at: string, limit: number) => {
      const enabled = new Set(w.endpoints.filter((e) => e.enabled).map((e) => e.id));
      const due = w.deliveries.filter((d) => d.status === 'pending' && d.nextAttemptAt !== null && d.nextAttemptAt <= at && enabled.has(d.endpointId));
      return Promise.resolve(copy(due.sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? '') || a.id.localeCompare(b.id)).slice(0, limit)));
    },
    claimWebhookDelivery: (id: string, expected: string, leaseUntil: string) => {
      const found = w.deliveries.find((d) => d.id === id && d.status === 'pending' && d.nextAttemptAt === expected);
      if (found) found.nextAttemptAt = leaseUntil;
      return Promise.resolve(found !== undefined);
    },
    updateWebhookDelivery: (id: string, update: Pick<StoredWebhookDelivery, 'attempts' | 'status' | 'nextAttemptAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>) => {
      const found = w.deliveries.find((d) => d.id === id);
      if (found) Object.assign(found, update);
      return Promise.resolve();
    },
    insertWebhookAttempt: (attempt: StoredWebhookAttempt) => {
      if (w.attempts.some((a) => a.deliveryId === attempt.deliveryId && a.attempt === attempt.attempt)) refuse('webhook_attempts.delivery_id, attempt');
      w.attempts.push(copy(attempt));
      return Promise.resolve();
    },
    listWebhookAttempts: (ids: readonly string[]) =>
      Promise.resolve(copy(w.attempts.filter((a) => ids.includes(a.deliveryId)).sort((a, b) => a.deliveryId.localeCompare(b.deliveryId) || a.attempt - b.attempt))),
  } satisfies Partial<StoreTx>;
}
