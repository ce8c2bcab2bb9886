import { describe, expect, it } from 'vitest';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import { approvedPackage, driftAlert, monitoringSecret, sendAlert } from '../contract/support/monitoring-alerts.ts';

// The monitoring alert intake (decision record 0110) under concurrent duplicates, on two API
// instances over one PostgreSQL. Refusals, the finding, the flag, the notification and replays
// are contract scenarios on the mocks, SQLite and PostgreSQL (monitoring-alert-scenarios.ts).

const monitoring = { secret: monitoringSecret };

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
