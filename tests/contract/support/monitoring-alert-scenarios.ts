import { expect } from 'vitest';
import { monitoringAlertResultSchema } from '#domain/contracts/monitoring.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { newWebhookSecret } from '#domain/webhooks/sign.ts';
import type { Store } from '#api/store/store.ts';
import { Client } from './client.ts';
import { signedIn } from './signing-scenarios.ts';
import { approvedPackage, driftAlert, sendAlert } from './monitoring-alerts.ts';
import type { Scenario } from './scenarios.ts';

// The monitoring alert intake (decision record 0110) on the mocks, SQLite and PostgreSQL: a
// signed alert opens one finding, flags the approval as under re-review and notifies the
// approving roles; a replay answers the same and creates nothing; a forged, re-signed-with-
// another-secret or stale alert is refused 401 and audited; an unknown model or a malformed
// body is refused 422 naming the field; nothing is stored for any refusal. Every target is
// configured with `monitoringSecret` (contract-suite.ts).

async function counts(store: Store, packageId: string) {
  const entries = await store.listAuditEntries({ subject: packageId }, 0, 100_000);
  return {
    findings: (await store.listFindings([packageId])).length,
    notices: (await store.listReReviewNotices()).filter((n) => n.packageId === packageId).length,
    received: entries.filter((e) => e.action === 'monitoring.alert_received').length,
  };
}

async function refusedEntries(store: Store) {
  return (await store.listAuditEntries({ subject: 'monitoring alerts' }, 0, 100_000)).filter((e) => e.action === 'monitoring.alert_refused');
}

export const monitoringAlertScenarios: Scenario[] = [
  {
    name: 'monitoring alerts: refuses forged, foreign-secret, stale and unsigned alerts with 401, audited, storing nothing',
    async run(target) {
      const pkg = await approvedPackage(target.store);
      const before = await counts(target.store, pkg.id);
      const alert = driftAlert(pkg);
      const forged = await sendAlert(target, alert, { tamper: (body) => body.replace('0.31', '0.99') });
      const foreign = await sendAlert(target, alert, { secret: newWebhookSecret() });
      const stale = await sendAlert(target, alert, { at: new Date(Date.now() - 6 * 60_000) });
      const unsigned = await new Client(target).send('POST', '/api/monitoring/alerts', { text: JSON.stringify(alert), headers: { 'content-type': 'application/json' } });
      expect([forged.status, foreign.status, stale.status, unsigned.status]).toEqual([401, 401, 401, 401]);
      expect(forged.headers.get('content-type')).toContain('application/problem+json');
      expect((await refusedEntries(target.store)).map((e) => (JSON.parse(e.afterJson) as { reason: string }).reason)).toEqual(['mismatch', 'mismatch', 'stale', 'unsigned']);
      expect(await counts(target.store, pkg.id)).toEqual(before);
    },
  },
  {
    name: 'monitoring alerts: an id over 200 characters and more than 8 signatures are refused 401 before any HMAC, audited, storing nothing; ids up to 200 are keys whole',
    async run(target) {
      const pkg = await approvedPackage(target.store);
      const before = await counts(target.store, pkg.id);
      const alert = driftAlert(pkg);
      // Two ids sharing their first 200 characters were one key when the key was a prefix.
      const shared = `msg_${'a'.repeat(196)}`;
      const long = await Promise.all(['1', '2'].map((tail) => sendAlert(target, alert, { webhookId: `${shared}${tail}` })));
      const many = await sendAlert(target, alert, { signatures: (header) => `${Array.from({ length: 8 }, () => 'v1,AAAA').join(' ')} ${header}` });
      expect([...long, many].map((r) => r.status)).toEqual([401, 401, 401]);
      expect((long[0]?.body as { detail: string }).detail).toMatch(/1 to 200 visible ASCII characters/);
      expect((many.body as { detail: string }).detail).toMatch(/holds 9 signatures; at most 8/);
      expect((await refusedEntries(target.store)).map((e) => (JSON.parse(e.afterJson) as { reason: string }).reason)).toEqual(['malformed', 'malformed', 'malformed']);
      expect(await counts(target.store, pkg.id)).toEqual(before);
      // Ids of 200 differing only in their last character are two alerts.
      const taken = await Promise.all(['1', '2'].map((tail) => sendAlert(target, alert, { webhookId: `${shared.slice(0, 199)}${tail}` })));
      expect(taken.map((r) => r.status)).toEqual([200, 200]);
      expect(new Set(taken.map((r) => monitoringAlertResultSchema.parse(r.body).findingId)).size).toBe(2);
    },
  },
  {
    name: 'monitoring alerts: refuses an unknown model and a malformed body with 422 naming the field, storing nothing',
    async run(target) {
      const pkg = await approvedPackage(target.store);
      const before = await counts(target.store, pkg.id);
      const unknown = await sendAlert(target, { ...driftAlert(pkg), model: { key: 'no-such-model', version: '1' } });
      expect(unknown.status).toBe(422);
      expect(JSON.stringify(unknown.body)).toContain('/model');
      const inReview = await approvedPackage(target.store, false);
      const inReviewBefore = await counts(target.store, inReview.id);
      const notApproved = await sendAlert(target, { ...driftAlert(inReview), model: undefined, packageId: inReview.id });
      expect(notApproved.status).toBe(422);
      const refusal = (notApproved.body as { errors: { pointer: string; message: string }[] }).errors;
      expect(refusal.map((e) => e.pointer)).toEqual(['/packageId']);
      expect(refusal[0]?.message).toContain('is not approved');
      expect(await counts(target.store, inReview.id)).toEqual(inReviewBefore);
      const malformed = await sendAlert(target, { ...driftAlert(pkg), kind: 'weather', value: 'high', observedAt: 'yesterday' });
      expect(malformed.status).toBe(422);
      const pointers = (malformed.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer).sort();
      expect(pointers).toEqual(['/kind', '/observedAt', '/value']);
      expect(await counts(target.store, pkg.id)).toEqual(before);
    },
  },
  {
    name: 'monitoring alerts: opens one finding, flags the approval, notifies the approving roles; a replay answers the same and creates nothing',
    async run(target) {
      const pkg = await approvedPackage(target.store);
      const before = await counts(target.store, pkg.id);
      const webhookId = `msg_${crypto.randomUUID()}`;
      const first = await sendAlert(target, driftAlert(pkg), { webhookId });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const result = monitoringAlertResultSchema.parse(first.body);
      expect(result.reReviewDecisions.length).toBeGreaterThan(0);
      const finding = await target.store.findFinding(result.findingId);
      expect(finding).toMatchObject({ packageId: pkg.id, severity: 'medium', status: 'open', title: 'Drift alert: population_stability_index 0.31 breached threshold 0.2', ownerId: pkg.ownerId });
      const after = await counts(target.store, pkg.id);
      expect(after.findings).toBe(before.findings + 1);
      expect(after.received).toBe(before.received + 1);
      const flagged = (await target.store.listReReviewNotices()).filter((n) => n.packageId === pkg.id).map((n) => n.decisionId);
      expect(flagged).toEqual(expect.arrayContaining(result.reReviewDecisions));

      const replay = await sendAlert(target, driftAlert(pkg), { webhookId });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(first.body);
      expect(await counts(target.store, pkg.id)).toEqual(after);

      // The owner hears of it, with a link to the finding.
      const owner = await target.store.findUserById(pkg.ownerId);
      if (!owner) throw new Error('No owner');
      const client = await signedIn(target, owner.email);
      const list = notificationListSchema.parse((await client.get('/api/notifications')).body);
      expect(list.items.filter((n) => n.kind === 'monitoring_alert').map((n) => n.text)).toEqual([expect.stringContaining('Evidently reported population_stability_index 0.31 against threshold 0.2')]);
    },
  },
];
