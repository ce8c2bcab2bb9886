import { expect } from 'vitest';
import { webhookDeliveryListSchema, webhookEndpointListSchema, registeredWebhookSchema } from '#domain/webhooks/contract.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// Webhook endpoints and the outbox, against the mocks, SQLite and PostgreSQL. Sending is the
// server's dispatcher's job (tests/integration/webhook-delivery.test.ts); here a decision
// must queue a delivery that the log shows.

const pointers = (body: unknown) => ((body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

export const webhookScenarios: Scenario[] = [
  {
    name: 'webhooks: an admin registers an endpoint (secret shown once), disables and enables it; every change is audited',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const created = await admin.post('/api/webhooks', { url: 'https://deploy.example.com/hooks/approvals', description: 'Deployment pipeline', events: ['package.approved', 'step.approved'] });
      expectStatus(created, 201);
      const { endpoint, secret } = registeredWebhookSchema.parse(created.body);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(endpoint).toMatchObject({ url: 'https://deploy.example.com/hooks/approvals', enabled: true, events: ['package.approved', 'step.approved'], createdBy: { id: 'usr_admin' } });

      const list = await admin.get('/api/webhooks');
      expectStatus(list, 200);
      expect(webhookEndpointListSchema.parse(list.body).items.map((e) => e.id)).toEqual([endpoint.id]);
      expect(JSON.stringify(list.body)).not.toContain(secret.slice(6));

      expectStatus(await admin.post(`/api/webhooks/${endpoint.id}/disable`, {}), 200);
      expectStatus(await admin.post(`/api/webhooks/${endpoint.id}/disable`, {}), 409);
      const enabled = await admin.post(`/api/webhooks/${endpoint.id}/enable`, {});
      expectStatus(enabled, 200);
      expect(enabled.body).toMatchObject({ enabled: true });
      expectStatus(await admin.post('/api/webhooks/whe_missing/enable', {}), 404);

      const audit = (await admin.get('/api/audit?action=webhook.registered')).body as { items: { subject: string; after: unknown }[] };
      expect(audit.items).toEqual([expect.objectContaining({ subject: endpoint.id, after: { url: endpoint.url, description: 'Deployment pipeline', events: ['package.approved', 'step.approved'] } })]);
      expect(JSON.stringify(audit)).not.toContain(secret.slice(6));
      for (const action of ['webhook.disabled', 'webhook.enabled']) {
        expect(((await admin.get(`/api/audit?action=${action}`)).body as { items: unknown[] }).items).toHaveLength(1);
      }
    },
  },
  {
    name: 'webhooks: a URL that is not http(s), no events or an unknown event is refused with field pointers; nothing is registered',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const ftp = await admin.post('/api/webhooks', { url: 'ftp://files.example.com/drop', description: '', events: ['package.approved'] });
      expectStatus(ftp, 422);
      expect(pointers(ftp.body)).toEqual(['/url']);
      const none = await admin.post('/api/webhooks', { url: 'https://ok.example.com', events: [] });
      expectStatus(none, 422);
      expect(pointers(none.body)).toEqual(['/events']);
      const unknown = await admin.post('/api/webhooks', { url: 'https://ok.example.com', events: ['package.deleted'] });
      expectStatus(unknown, 422);
      expect(pointers(unknown.body)).toEqual(['/events/0']);
      expect(webhookEndpointListSchema.parse((await admin.get('/api/webhooks')).body).items).toEqual([]);
    },
  },
  {
    name: 'webhooks: only administrators may list or register endpoints',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      expectStatus(await elena.get('/api/webhooks'), 403);
      expectStatus(await elena.post('/api/webhooks', { url: 'https://x.example.com', events: ['package.approved'] }), 403);
      const committee = await signedIn(target, 'committee@example.com');
      expectStatus(await committee.get('/api/webhooks'), 403);
    },
  },
  {
    name: 'webhooks: a signed approval queues one step.approved delivery per subscribed enabled endpoint, shown in the log',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const register = async (events: string[]) => registeredWebhookSchema.parse((await admin.post('/api/webhooks', { url: 'http://localhost:9/hook', description: '', events })).body).endpoint;
      const subscribed = await register(['step.approved']);
      const other = await register(['package.rejected']);
      const disabled = await register(['step.approved']);
      expectStatus(await admin.post(`/api/webhooks/${disabled.id}/disable`, {}), 200);

      const elena = await signedIn(target, 'model-risk@example.com');
      const payload = await payloadFor(elena, {
        packageId: 'pkg_clinical_deterioration_risk',
        versionNumber: 1,
        stepKey: 'model_risk',
        role: 'model_risk',
        decision: 'approve',
        reason: 'Adequate.',
        signer: accounts.elena,
      });
      expectStatus(await sign(elena, payload), 201);

      const log = await admin.get(`/api/webhooks/${subscribed.id}/deliveries`);
      expectStatus(log, 200);
      const { items } = webhookDeliveryListSchema.parse(log.body);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ eventType: 'step.approved', status: 'pending', attempts: 0, attemptLog: [] });
      expect(items[0]?.eventId).toMatch(/^msg_/);
      expect(webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${other.id}/deliveries`)).body).items).toEqual([]);
      expect(webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${disabled.id}/deliveries`)).body).items).toEqual([]);
      expectStatus(await elena.get(`/api/webhooks/${subscribed.id}/deliveries`), 403);
    },
  },
];
