import type { StoredWebhookAttempt, StoredWebhookDelivery, StoredWebhookEndpoint, WebhooksStore } from '#api/store/webhooks.ts';
import { webhookDeliveryStatusSchema, webhookEventTypeSchema } from '#domain/webhooks/contract.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The webhook part of the Kysely repository (spread into it by kysely-store.ts).

function toEndpoint(r: WebhookEndpointsTable): StoredWebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: webhookEventTypeSchema.array().parse(parseJson(r.events)),
    secret: r.secret,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function toDelivery(r: WebhookDeliveriesTable): StoredWebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: webhookEventTypeSchema.parse(r.event_type),
    payload: r.payload,
    attempts: r.attempts,
    status: webhookDeliveryStatusSchema.parse(r.status),
    nextAttemptAt: r.next_attempt_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
  };
}

export function webhooksQueries(db: Db): WebhooksStore {
  return {
    async listWebhookEndpoints() {
      return (await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute()).map(toEndpoint);
    },
    async findWebhookEndpoint(id) {
      const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEndpoint(row) : null;
    },
    async insertWebhookEndpoint(e) {
      await db
        .insertInto('webhook_endpoints')
        .values({ id: e.id, url: e.url, description: e.description, events: JSON.stringify(e.events), secret: e.secret, enabled: e.enabled ? 1 : 0, created_at: e.createdAt, created_by: e.createdBy })
        .execute();
    },
    async setWebhookEndpointEnabled(id, enabled) {
      const result = await db.updateTable('webhook_endpoints').set({ enabled: enabled ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async insertWebhookDelivery(d) {
      await db
        .insertInto('webhook_deliveries')
        .values({
          id: d.id,
          endpoint_id: d.endpointId,
          event_id: d.eventId,
          event_type: d.eventType,
          payload: d.payload,
          attempts: d.attempts,
          status: d.status,
          next_attempt_at: d.nextAttemptAt,
          last_status: d.lastStatus,
          last_error: d.lastError,
          delivered_at: d.deliveredAt,
          created_at: d.createdAt,
        })
        .execute();
    },
    async listWebhookDeliveries(endpointId, limit) {
      const rows = await db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toDelivery);
    },
    async listDueWebhookDeliveries(at, limit) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
        .selectAll('webhook_deliveries')
        .where('webhook_deliveries.status', '=', 'pending')
        .where('webhook_deliveries.next_attempt_at', '<=', at)
        .where('webhook_endpoints.enabled', '=', 1)
        .orderBy('webhook_deliveries.next_attempt_at')
        .orderBy('webhook_deliveries.id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
    async claimWebhookDelivery(id, expected, leaseUntil) {
      // One conditional update: of two dispatchers reading the same due row, exactly one moves it.
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', expected)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async updateWebhookDelivery(id, u) {
      await db
        .updateTable('webhook_deliveries')
        .set({ attempts: u.attempts, status: u.status, next_attempt_at: u.nextAttemptAt, last_status: u.lastStatus, last_error: u.lastError, delivered_at: u.deliveredAt })
        .where('id', '=', id)
        .execute();
    },
    async insertWebhookAttempt(a) {
      await db.insertInto('webhook_attempts').values({ delivery_id: a.deliveryId, attempt: a.attempt, at: a.at, status_code: a.statusCode, error: a.error, duration_ms: a.durationMs }).execute();
    },
    async listWebhookAttempts(deliveryIds) {
      if (deliveryIds.length === 0) return [];
      const rows = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('delivery_id').orderBy('attempt').execute();
      return rows.map((r): StoredWebhookAttempt => ({ deliveryId: r.delivery_id, attempt: r.attempt, at: r.at, statusCode: r.status_code, error: r.error, durationMs: r.duration_ms }));
    },
  };
}
