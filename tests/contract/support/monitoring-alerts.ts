import type { StoreTx } from '#api/store/store.ts';
import { loadPackageFacts, summarize } from '#api/package-access/views.ts';
import { webhookHeaders } from '#domain/webhooks/sign.ts';
import { Client, type Reply, type Target } from './client.ts';

// Monitoring alerts signed as a monitoring tool signs them (Standard Webhooks), with the ways
// an attacker would change them.

export const monitoringSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export interface AlertOptions {
  webhookId?: string;
  at?: Date;
  secret?: string;
  /** Changes the body after signing (a forged payload under a captured signature). */
  tamper?: (body: string) => string;
  /** Changes the webhook-signature header (more candidates than a sender sends, for instance). */
  signatures?: (header: string) => string;
}

export async function sendAlert(target: Target, alert: unknown, options: AlertOptions = {}): Promise<Reply> {
  const body = JSON.stringify(alert);
  const headers = await webhookHeaders(options.secret ?? monitoringSecret, options.webhookId ?? `msg_${crypto.randomUUID()}`, options.at ?? new Date(), body);
  if (options.signatures) headers['webhook-signature'] = options.signatures(headers['webhook-signature'] ?? '');
  return new Client(target).send('POST', '/api/monitoring/alerts', { text: options.tamper ? options.tamper(body) : body, headers });
}

type DemoStore = Pick<StoreTx, 'listPackages'> & Parameters<typeof loadPackageFacts>[0];

/** A package of the demo data that is (or is not) approved, by model key and version label. */
export async function approvedPackage(store: DemoStore, approved = true): Promise<{ id: string; modelKey: string; versionLabel: string; ownerId: string }> {
  const facts = await loadPackageFacts(store, await store.listPackages());
  const found = facts.find((f) => ['approved', 'approved_with_conditions'].includes(summarize(f, new Date()).summary.status) === approved);
  if (!found) throw new Error(`The demo data has no ${approved ? '' : 'un'}approved package`);
  return found.pkg;
}

export const driftAlert = (model: { modelKey: string; versionLabel: string }) => ({ model: { key: model.modelKey, version: model.versionLabel }, kind: 'drift', metric: 'population_stability_index', value: 0.31, threshold: 0.2, observedAt: '2026-12-05T06:00:00Z', source: 'Evidently' });
