import type { WebhookDeliveryStatus, WebhookEventType } from '#domain/webhooks/contract.ts';

// The webhooks slice of the storage port: endpoints (state), the delivery queue, and the
// append-only attempt log.

export interface StoredWebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  /** Kept as given (whsec_…): the server must sign with it, so it cannot be hashed. */
  secret: string;
  enabled: boolean;
  createdAt: string;
  createdBy: string;
}

export interface StoredWebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  payload: string;
  attempts: number;
  status: WebhookDeliveryStatus;
  /** When the dispatcher may next take it (also its lease while an attempt runs); null once settled. */
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface StoredWebhookAttempt {
  deliveryId: string;
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhooksStore {
  listWebhookEndpoints(): Promise<StoredWebhookEndpoint[]>;
  findWebhookEndpoint(id: string): Promise<StoredWebhookEndpoint | null>;
  insertWebhookEndpoint(endpoint: StoredWebhookEndpoint): Promise<void>;
  /** false when no such endpoint. */
  setWebhookEndpointEnabled(id: string, enabled: boolean): Promise<boolean>;
  insertWebhookDelivery(delivery: StoredWebhookDelivery): Promise<void>;
  /** An endpoint's deliveries, newest first, at most `limit`. */
  listWebhookDeliveries(endpointId: string, limit: number): Promise<StoredWebhookDelivery[]>;
  /** Pending deliveries of enabled endpoints due at or before `at`, oldest first. */
  listDueWebhookDeliveries(at: string, limit: number): Promise<StoredWebhookDelivery[]>;
  /** Takes a due delivery by moving its next attempt to `leaseUntil`, only if nobody moved it since it was read; false when another instance won. */
  claimWebhookDelivery(id: string, expectedNextAttemptAt: string, leaseUntil: string): Promise<boolean>;
  updateWebhookDelivery(id: string, update: Pick<StoredWebhookDelivery, 'attempts' | 'status' | 'nextAttemptAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>): Promise<void>;
  insertWebhookAttempt(attempt: StoredWebhookAttempt): Promise<void>;
  /** Attempts of the given deliveries, by delivery then attempt number. */
  listWebhookAttempts(deliveryIds: readonly string[]): Promise<StoredWebhookAttempt[]>;
}
