import { monitoringAlertResultSchema } from '#domain/contracts/monitoring.ts';
import type { ReReviewStore } from '#api/store/re-review.ts';
import type { Db } from './shared.ts';

// The re-review notices part of the Kysely repository (spread into it by kysely-store.ts).

export function reReviewQueries(db: Db): ReReviewStore {
  return {
    async insertReReviewNotice(n) {
      // Insert or skip on the primary key. On PostgreSQL a second transaction inserting the
      // same decision waits for the first to commit, then skips: only one of them goes on.
      const result = await db
        .insertInto('re_review_notices')
        .values({ decision_id: n.decisionId, package_id: n.packageId, re_review_on: n.reReviewOn, noticed_at: n.noticedAt })
        .onConflict((oc) => oc.column('decision_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async insertMonitoringAlert(a) {
      // As above: of two transactions inserting one webhook-id, the second waits, then skips.
      const result = await db
        .insertInto('monitoring_alerts')
        .values({ webhook_id: a.webhookId, package_id: a.packageId, finding_id: a.findingId, result_json: JSON.stringify(a.result), received_at: a.receivedAt })
        .onConflict((oc) => oc.column('webhook_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async findMonitoringAlert(webhookId) {
      const r = await db.selectFrom('monitoring_alerts').selectAll().where('webhook_id', '=', webhookId).executeTakeFirst();
      return r ? { webhookId: r.webhook_id, packageId: r.package_id, findingId: r.finding_id, result: monitoringAlertResultSchema.parse(JSON.parse(r.result_json)), receivedAt: r.received_at } : null;
    },
    async listReReviewNotices() {
      const rows = await db.selectFrom('re_review_notices').selectAll().orderBy('noticed_at').orderBy('decision_id').execute();
      return rows.map((r) => ({ decisionId: r.decision_id, packageId: r.package_id, reReviewOn: r.re_review_on, noticedAt: r.noticed_at }));
    },
  };
}
