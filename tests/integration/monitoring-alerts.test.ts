import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Store } from '#api/store/store.ts';
import { monitoringAlertResultSchema } from '#domain/contracts/monitoring.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { newWebhookSecret } from '#domain/webhooks/sign.ts';
import { postgresTarget, sqliteTarget } from '../contract/support/targets.ts';
import { Client, type Target } from '../contract/support/client.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import { approvedPackage, driftAlert, monitoringSecret, sendAlert } from '../contract/support/monitoring-alerts.ts';

// The monitoring alert intake (decision record 0110) on the real server, SQLite and
// PostgreSQL: a signed alert opens one finding, flags the approval as under re-review and
// notifies the approving roles; a replay answers the same and creates nothing; a forged,
// re-signed-with-another-secret or stale alert is refused 401 and audited; an unknown model
// or a malformed body is refused 422 naming the field; nothing is stored for any refusal.

const monitoring = { secret: monitoringSecret };

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

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`monitoring alert intake (${engine})`, () => {
    let target: Target;
    beforeAll(async () => {
      target = engine === 'sqlite' ? await sqliteTarget({ monitoring }) : await postgresTarget(inject('databaseUrl'), { monitoring });
    });
    afterAll(() => target.close());

    it('refuses forged, foreign-secret, stale and unsigned alerts with 401, audited, storing nothing', async () => {
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
    });

    it('refuses an unknown model and a malformed body with 422 naming the field, storing nothing', async () => {
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
    });

    it('opens one finding, flags the approval, notifies the approving roles; a replay answers the same and creates nothing', async () => {
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
    });
  });
}

describe('concurrent duplicates of one alert (PostgreSQL, two API instances)', () => {
  const instances = twoInstancesOnPostgres({ monitoring });

  it('creates exactly one finding, one flag and one audit entry, both answering the same', async () => {
    const pkg = await approvedPackage(instances.first.store);
    for (let round = 0; round < 4; round++) {
      const webhookId = `msg_race_${round}`;
      const at = new Date();
      const replies = await Promise.all([
        sendAlert(instances.first.target, driftAlert(pkg), { webhookId, at }),
        sendAlert(instances.second.target, driftAlert(pkg), { webhookId, at }),
        sendAlert(instances.second.target, driftAlert(pkg), { webhookId, at }),
      ]);
      expect(replies.map((r) => r.status), JSON.stringify(replies.map((r) => r.body))).toEqual([200, 200, 200]);
      const [a, b, c] = replies.map((r) => r.body);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      const entries = (await instances.first.store.listAuditEntries({ subject: pkg.id }, 0, 100_000)).filter((e) => e.action === 'monitoring.alert_received' && (JSON.parse(e.afterJson) as { webhookId: string }).webhookId === webhookId);
      expect(entries).toHaveLength(1);
    }
    expect((await instances.first.store.listFindings([pkg.id])).filter((f) => f.raisedBy.id === 'system')).toHaveLength(4);
  });
});
