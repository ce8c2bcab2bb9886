import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { registeredWebhookSchema, webhookDeliveryListSchema } from '#domain/webhooks/contract.ts';
import { runReReviewSweep } from '#api/re-review/re-review-sweep-run.ts';
import type { Client, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// Re-review due: the sweep is domain code over the storage port, so it runs here on the
// mocks' memory store exactly as on SQLite and PostgreSQL, and what it writes (audit entry,
// outbox delivery, notifications) reads the same through the API of all three.

const clinical = 'pkg_clinical_deterioration_risk';
const day = 86_400_000;
const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 20);

async function reReviewNotifications(client: Client) {
  const reply = await client.get('/api/notifications');
  expectStatus(reply, 200);
  return notificationListSchema.parse(reply.body).items.filter((n) => n.kind === 're_review_due' && n.packageId === clinical);
}

async function approveWithConditions(target: Target, reReviewOn: string) {
  const elena = await signedIn(target, 'model-risk@example.com');
  const conditions = { scope: 'Adult inpatient wards only', reReviewOn, text: 'Re-review once paediatric validation is in.' };
  const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve_with_conditions', reason: 'Adequate for adults.', conditions, signer: accounts.elena });
  expectStatus(await sign(elena, payload), 201);
  return elena;
}

export const reReviewScenarios: Scenario[] = [
  {
    name: 're-review due: the sweep announces an approval with conditions once, on its date, to the audit log, the webhooks and the owner and role',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const registered = await admin.post('/api/webhooks', { url: 'https://hooks.example.com/re-review', events: ['package.re_review_due'] });
      expectStatus(registered, 201);
      const { endpoint } = registeredWebhookSchema.parse(registered.body);

      const reReviewOn = new Date(Date.now() + 10 * day).toISOString().slice(0, 10);
      const elena = await approveWithConditions(target, reReviewOn);
      const owner = await signedIn(target, 'owner@example.com');

      // Not yet due: nothing announced, nothing shown.
      expect(await runReReviewSweep(target.store, { now: new Date(), newId })).toEqual([]);
      expect(await reReviewNotifications(owner)).toEqual([]);

      const dueAt = new Date(Date.parse(`${reReviewOn}T00:00:00Z`) + 60_000);
      const first = await runReReviewSweep(target.store, { now: dueAt, newId });
      expect(first.map((d) => [d.packageId, d.stepKey, d.role, d.reReviewOn])).toEqual([[clinical, 'model_risk', 'model_risk', reReviewOn]]);
      expect(await runReReviewSweep(target.store, { now: dueAt, newId })).toEqual([]);
      expect(await runReReviewSweep(target.store, { now: new Date(dueAt.getTime() + day), newId })).toEqual([]);

      const audit = await owner.get(`/api/packages/${clinical}/audit?action=package.re_review_due`);
      expectStatus(audit, 200);
      const entries = auditPageSchema.parse(audit.body).items;
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorId: null, actorName: null, at: dueAt.toISOString(), after: { decision: first[0]?.decisionId, step: 'model_risk', role: 'model_risk', version: 1, reReviewOn } });

      const deliveries = webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${endpoint.id}/deliveries`)).body).items;
      expect(deliveries.map((d) => [d.eventType, d.status])).toEqual([['package.re_review_due', 'pending']]);

      const [ownerSees] = await reReviewNotifications(owner);
      expect(ownerSees).toMatchObject({ seq: entries[0]?.seq, link: `/packages/${clinical}`, unread: true });
      expect(ownerSees?.text).toContain('Model risk');
      expect(await reReviewNotifications(elena)).toHaveLength(1);
      expect(await reReviewNotifications(await signedIn(target, 'security@example.com'))).toEqual([]);

      // The package says so too, once the API's clock reaches the date (sessions end: sign in again).
      target.advanceClock(dueAt.getTime() - Date.now());
      const detail = await (await signedIn(target, 'owner@example.com')).get(`/api/packages/${clinical}`);
      expectStatus(detail, 200);
      expect((detail.body as { reReviewDue: boolean }).reReviewDue).toBe(true);
    },
  },
];
