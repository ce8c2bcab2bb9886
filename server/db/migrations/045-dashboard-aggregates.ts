import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// The committee dashboard counted in SQL (decision record 0145): the summary table (migration 036)
// gains the three keys the dashboard orders and selects by that were only inside the summary's
// JSON (when the package was submitted, when its current step is due, whether a condition
// lapsed), filled here from that JSON, and indexes that hold every column the dashboard's
// counts read, so they are counted from an index alone, never from the rows behind it.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema.alterTable('package_summaries').addColumn('submitted_at', 'text').execute();
  await db.schema.alterTable('package_summaries').addColumn('step_due_at', 'text').execute();
  await db.schema.alterTable('package_summaries').addColumn('conditions_lapsed', 'integer').execute();
  // What writeSummaries writes from now on, read from the summaries already stored.
  if (engine === 'postgres') {
    await sql`update package_summaries set submitted_at = summary::json ->> 'submittedAt', step_due_at = summary::json -> 'currentStep' ->> 'dueAt', conditions_lapsed = case when summary::json ->> 'conditionsLapsed' = 'true' then 1 else 0 end where summary is not null`.execute(db);
  } else {
    await sql`update package_summaries set submitted_at = json_extract(summary, '$.submittedAt'), step_due_at = json_extract(summary, '$.currentStep.dueAt'), conditions_lapsed = coalesce(json_extract(summary, '$.conditionsLapsed'), 0) where summary is not null`.execute(db);
  }
  // The per-tier counts: models (distinct model keys), pending, approved, rejected, overdue, re-review due.
  await sql`create index package_summaries_tier_counts on package_summaries (risk_tier, model_key, status, step_overdue, re_review_due) where summary is not null`.execute(db);
  // The packages with a status (the governance `approved` list), without their rows.
  await sql`create index package_summaries_served_status on package_summaries (status, package_id) where summary is not null`.execute(db);
  // Few packages have a lapsed condition: a partial index finds them without reading the others.
  await sql`create index package_summaries_conditions_lapsed on package_summaries (package_id) where conditions_lapsed = 1`.execute(db);
  // The 12-month trends (decision record 0136): packages per month and tier, approvals over a
  // blocker per month (and the packages with one: the `overridden` list), resubmissions per
  // month from the log, each from an index alone.
  await db.schema.dropIndex('packages_created_idx').execute();
  await db.schema.createIndex('packages_created_idx').on('packages').columns(['created_at', 'risk_tier']).execute();
  await sql`create index decisions_override_idx on decisions (decided_at, package_id) where override is not null`.execute(db);
  await db.schema.createIndex('audit_log_action_at_idx').on('audit_log').columns(['action', 'at']).execute();
}
