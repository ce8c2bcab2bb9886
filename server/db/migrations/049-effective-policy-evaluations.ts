import { sql, type Kysely } from 'kysely';

// The policy check in effect for each checked version, as one definition every reader goes
// through (decision record 0152): the version's latest re-check (greatest `seq`, decision 0142)
// where it has one, else its check at submission. The package page, the approval gate, the
// signed governance digest (through listPolicyEvaluations) and the dashboard's governance
// figures (server/db/queries/governance.ts) read this view, so they cannot disagree. A view,
// not a table: nothing is stored twice, and both engines inline it into the query that reads
// it, so a reader filtering by package probes the two tables' primary keys as before.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create view effective_policy_evaluations as
    select e.package_id, e.version, e.policy_key, e.policy_version, e.evaluation, e.evaluated_at
      from policy_evaluations e
     where not exists (select 1 from policy_reevaluations x where x.package_id = e.package_id and x.version = e.version)
    union all
    select r.package_id, r.version, r.policy_key, r.policy_version, r.evaluation, r.evaluated_at
      from policy_reevaluations r
     where r.seq = (select max(y.seq) from policy_reevaluations y where y.package_id = r.package_id and y.version = r.version)
  `.execute(db);
}
