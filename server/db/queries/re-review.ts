import { monitoringAlertResultSchema } from '#domain/contracts/monitoring.ts';
import { revalidationMonthsSchema } from '#domain/contracts/revalidation.ts';
import type { ReReviewStore } from '#api/store/re-review.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The re-review notices part of the Kysely repository (spread into it by kysely-store.ts).

export function reReviewQueries(db: Db): ReReviewStore {
  const inserted = (result: { numInsertedOrUpdatedRows?: bigint }) => Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  return {
    async listRevalidationSchedules() {
      const rows = await db.selectFrom('revalidation_schedules').selectAll().orderBy('version').execute();
      return rows.map((r) => ({ version: r.version, months: revalidationMonthsSchema.parse(parseJson(r.months)), publishedBy: r.published_by, publishedAt: r.published_at }));
    },
    async insertRevalidationSchedule(s) {
      // Two administrators publishing the same next version: the primary key lets one through.
      const result = await db
        .insertInto('revalidation_schedules')
        .values({ version: s.version, months: JSON.stringify(s.months), published_by: s.publishedBy, published_at: s.publishedAt })
        .onConflict((oc) => oc.column('version').doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
    async insertRevalidation(r) {
      const result = await db
        .insertInto('revalidations')
        .values({ decision_id: r.decisionId, package_id: r.packageId, version_number: r.versionNumber, tier: r.tier, tier_source: r.tierSource, schedule_version: r.scheduleVersion, approved_on: r.approvedOn, due_on: r.dueOn, owner_id: r.ownerId, scheduled_at: r.scheduledAt })
        .onConflict((oc) => oc.column('decision_id').doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
    async insertRevalidationAdvance(a) {
      const result = await db
        .insertInto('revalidation_advances')
        .values({ decision_id: a.decisionId, package_id: a.packageId, tier: a.tier, due_on: a.dueOn, assessment: a.assessment, advanced_at: a.advancedAt })
        .onConflict((oc) => oc.columns(['decision_id', 'tier']).doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
    async listRevalidations(packageIds) {
      if (packageIds !== 'all' && packageIds.length === 0) return [];
      // The earliest date and strictest tier an advance gave each approval's revalidation (0172).
      let advancesQuery = db.selectFrom('revalidation_advances').select(['decision_id', 'tier', 'due_on']);
      if (packageIds !== 'all') advancesQuery = advancesQuery.where('package_id', 'in', [...packageIds]);
      const advances = new Map<string, { tier: number; dueOn: string }>();
      for (const a of await advancesQuery.execute()) {
        const seen = advances.get(a.decision_id);
        advances.set(a.decision_id, { tier: Math.min(seen?.tier ?? a.tier, a.tier), dueOn: seen && seen.dueOn < a.due_on ? seen.dueOn : a.due_on });
      }
      let query = db
        .selectFrom('revalidations as r')
        .leftJoin('revalidation_openings as o', 'o.decision_id', 'r.decision_id')
        .selectAll('r')
        .select('o.opened_at');
      if (packageIds !== 'all') query = query.where('r.package_id', 'in', [...packageIds]);
      const rows = await query.orderBy('r.scheduled_at').orderBy('r.decision_id').execute();
      return rows.map((r) => ({
        decisionId: r.decision_id,
        packageId: r.package_id,
        versionNumber: r.version_number,
        tier: Math.min(r.tier, advances.get(r.decision_id)?.tier ?? r.tier),
        tierSource: r.tier_source === 'risk_assessment' || advances.has(r.decision_id) ? 'risk_assessment' : 'declared',
        scheduleVersion: r.schedule_version,
        approvedOn: r.approved_on,
        dueOn: [r.due_on, advances.get(r.decision_id)?.dueOn ?? r.due_on].sort()[0] ?? r.due_on,
        ownerId: r.owner_id,
        scheduledAt: r.scheduled_at,
        openedAt: r.opened_at ?? null,
      }));
    },
    async insertRevalidationOpening(o) {
      const result = await db
        .insertInto('revalidation_openings')
        .values({ decision_id: o.decisionId, package_id: o.packageId, opened_at: o.openedAt })
        .onConflict((oc) => oc.column('decision_id').doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
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
      return r ? { webhookId: r.webhook_id, packageId: r.package_id, findingId: r.finding_id, result: monitoringAlertResultSchema.parse(parseJson(r.result_json)), receivedAt: r.received_at } : null;
    },
    async listReReviewNotices() {
      const rows = await db.selectFrom('re_review_notices').selectAll().orderBy('noticed_at').orderBy('decision_id').execute();
      return rows.map((r) => ({ decisionId: r.decision_id, packageId: r.package_id, reReviewOn: r.re_review_on, noticedAt: r.noticed_at }));
    },
  };
}
