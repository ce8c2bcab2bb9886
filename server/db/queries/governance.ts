import { sql, type ExpressionBuilder } from 'kysely';
import type { GovernanceCounts, GovernanceStore, GovernanceTrends, MonthlyCounts, StoredGovernanceList } from '#api/store/governance.ts';
import { governanceFigureKeySchema } from '#domain/contracts/governance.ts';
import type { Database } from '../schema/schema.ts';
import type { Db } from './shared.ts';

// The governance metrics part of the Kysely repository (docs/decisions/0117). Each list is one
// WHERE clause over the packages table; the dashboard counts it and the inventory selects its
// ids with the same clause. Every condition is a correlated EXISTS on an indexed key (the
// package id, or migration 035's model key index), so the cost is one pass over the packages
// whatever the number of decisions, versions and assessments behind them.

type Eb = ExpressionBuilder<Database & { p: Database['packages'] }, 'p'>;

/** Not superseded: no package of the same model is newer (created later; on a tie, a greater id). */
const isCurrent = (eb: Eb) =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('packages as q')
        .select(sql.lit(1).as('one'))
        .whereRef('q.model_key', '=', 'p.model_key')
        .where((q) => q.or([q('q.created_at', '>', q.ref('p.created_at')), q.and([q('q.created_at', '=', q.ref('p.created_at')), q('q.id', '>', q.ref('p.id'))])])),
    ),
  );

/**
 * The packages whose latest version's policy check in effect matches `pattern`: read from the
 * view every reader of a check shares (migration 049, decision record 0152: the latest re-check
 * where there is one, else the check at submission; docs/decisions/0141, 0155). The evaluation
 * is stored as JSON text (JSON.stringify); `"outcome":"flagged"` or `"status":"missing"` can
 * only appear as a key and its value, since a quote inside a string value is escaped. A set, not
 * a probe per package: each evaluation is looked at once (decision record 0145).
 */
const latestEvaluationLike = (eb: Eb, pattern: string, like: 'like' | 'not like') =>
  eb(
    'p.id',
    'in',
    eb
      .selectFrom('effective_policy_evaluations as e')
      .select('e.package_id')
      .where('e.version', '=', sql<number>`(select max(v.number) from package_versions v where v.package_id = ${sql.ref('e.package_id')})`)
      .where('e.evaluation', like, pattern),
  );

type Condition = (eb: Eb) => ReturnType<typeof isCurrent>;

/** What a model's newest package must also have to be in each list (`current` is every one). */
const conditions: Record<Exclude<StoredGovernanceList, 'current'>, Condition> = {
  /** Checked against a policy, with nothing the policy requires missing. */
  complete: (eb) => latestEvaluationLike(eb, '%"status":"missing"%', 'not like'),
  assessed: (eb) => eb('p.id', 'in', eb.selectFrom('risk_assessments as r').select('r.package_id')),
  /** Entered review flagged: a blocking requirement failed and the policy let it in. */
  blocking_failed: (eb) => latestEvaluationLike(eb, '%"outcome":"flagged"%', 'like'),
  /** A confirmed tier override, or an approval signed over a blocker. */
  overridden: (eb) =>
    eb.or([
      eb('p.id', 'in', eb.selectFrom('risk_tier_overrides as o').select('o.package_id').where('o.confirmed_at', 'is not', null)),
      // Migration 045's partial index holds exactly these decisions.
      eb('p.id', 'in', eb.selectFrom('decisions as d').select('d.package_id').where('d.override', 'is not', null)),
    ]),
};

function listWhere(db: Db, list: StoredGovernanceList) {
  const current = db.selectFrom('packages as p').where(isCurrent);
  return list === 'current' ? current : current.where(conditions[list]);
}

/** 1 when the package is in the list, else 0: summed per tier, one pass counts every list. */
const oneIf = (eb: Eb, condition: Condition) => eb.fn.sum(eb.case().when(condition(eb)).then(1).else(0).end());

/** The month ('YYYY-MM') of an ISO text column: the same text function on SQLite and PostgreSQL. */
const monthOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

async function monthly(rows: Promise<{ month: string; n: number | string | bigint }[]>): Promise<MonthlyCounts> {
  return Object.fromEntries((await rows).map((r) => [r.month, Number(r.n)]));
}

/** Month by month sums of monthly counts. */
function addMonthly(...counts: MonthlyCounts[]): MonthlyCounts {
  const sum: MonthlyCounts = {};
  for (const c of counts) for (const [month, n] of Object.entries(c)) sum[month] = (sum[month] ?? 0) + n;
  return sum;
}

export function governanceQueries(db: Db): GovernanceStore {
  return {
    async insertGovernanceSnapshots(rows) {
      let written = 0;
      for (const r of rows) {
        // The primary key (month, figure): a second pass, here or on another instance, writes nothing.
        const result = await db.insertInto('governance_snapshots').values({ month: r.month, figure: r.figure, value: r.value, taken_at: r.takenAt }).onConflict((oc) => oc.columns(['month', 'figure']).doNothing()).executeTakeFirst();
        written += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return written;
    },
    async listGovernanceSnapshots(fromMonth) {
      const rows = await db.selectFrom('governance_snapshots').selectAll().where('month', '>=', fromMonth).orderBy('month').orderBy('figure').execute();
      return rows.map((r) => ({ month: r.month, figure: governanceFigureKeySchema.parse(r.figure), value: r.value, takenAt: r.taken_at }));
    },
    async governanceCounts() {
      const rows = await listWhere(db, 'current')
        .select((eb) => [
          'p.risk_tier',
          eb.fn.countAll<number | string | bigint>().as('current'),
          oneIf(eb, conditions.complete).as('complete'),
          oneIf(eb, conditions.assessed).as('assessed'),
          oneIf(eb, conditions.blocking_failed).as('blocking_failed'),
          oneIf(eb, conditions.overridden).as('overridden'),
        ])
        .groupBy('p.risk_tier')
        .execute();
      const counts: GovernanceCounts = { byTier: {}, current: 0, complete: 0, assessed: 0, blocking_failed: 0, overridden: 0 };
      for (const r of rows) {
        counts.byTier[r.risk_tier] = Number(r.current);
        for (const list of ['current', 'complete', 'assessed', 'blocking_failed', 'overridden'] as const) counts[list] += Number(r[list]);
      }
      return counts;
    },
    async countApprovedModels(approvedStatuses) {
      // Driven by the summaries with an approved status (migration 045's status index), each one's
      // model probed for a newer package: the cost follows the approved packages, not every package.
      const row = await listWhere(db, 'current')
        .where('p.id', 'in', (eb) => eb.selectFrom('package_summaries as s').select('s.package_id').where('s.summary', 'is not', null).where('s.status', 'in', approvedStatuses.length > 0 ? [...approvedStatuses] : ['']))
        .where('p.id', 'not in', (eb) => eb.selectFrom('package_rollbacks as rb').select('rb.package_id'))
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async governanceListIds(list) {
      return (await listWhere(db, list).select('p.id').execute()).map((r) => r.id);
    },
    async packagesSubmittedSince(fromAt) {
      // The range of migration 053's covering index, made distinct here: with DISTINCT and ORDER BY
      // in SQL, SQLite walked every version by its primary key instead (decision record 0159).
      const rows = await db.selectFrom('package_versions').select('package_id').where('submitted_at', '>=', fromAt).execute();
      return [...new Set(rows.map((r) => r.package_id))].sort();
    },
    async treeHeadSizesByMonth(from) {
      return monthly(
        db
          .selectFrom('audit_tree_heads')
          .select((eb) => [monthOf('timestamp').as('month'), eb.fn.max('tree_size').as('n')])
          .where('timestamp', '>=', from)
          .groupBy(monthOf('timestamp'))
          .execute(),
      );
    },
    async governanceTrends(from) {
      const byTier = await db
        .selectFrom('packages')
        .select((eb) => [monthOf('created_at').as('month'), 'risk_tier', eb.fn.countAll<number | string | bigint>().as('n')])
        .where('created_at', '>=', from)
        .groupBy([monthOf('created_at'), 'risk_tier'])
        .execute();
      const submittedByTier: GovernanceTrends['submittedByTier'] = { 1: {}, 2: {}, 3: {}, 4: {} };
      for (const r of byTier) if (r.risk_tier in submittedByTier) submittedByTier[r.risk_tier as 1 | 2 | 3 | 4][r.month] = Number(r.n);
      // Checks at submission and re-checks (docs/decisions/0141), each dated when it was made.
      const checksIn = (table: 'policy_evaluations' | 'policy_reevaluations', pattern: string, like: 'like' | 'not like') =>
        monthly(
          db
            .selectFrom(table)
            .select((eb) => [monthOf('evaluated_at').as('month'), eb.fn.countAll<number | string | bigint>().as('n')])
            .where('evaluated_at', '>=', from)
            .where('evaluation', like, pattern)
            .groupBy(monthOf('evaluated_at'))
            .execute(),
        );
      const evaluations = async (pattern: string, like: 'like' | 'not like') => addMonthly(...(await Promise.all([checksIn('policy_evaluations', pattern, like), checksIn('policy_reevaluations', pattern, like)])));
      const auditMonthly = (action: string) =>
        monthly(db.selectFrom('audit_log').select((eb) => [monthOf('at').as('month'), eb.fn.countAll<number | string | bigint>().as('n')]).where('at', '>=', from).where('action', '=', action).groupBy(monthOf('at')).execute());
      const [versionsSubmitted, completeVersions, flaggedVersions, assessments, tierOverrides, approvalOverrides, changes, rollbacks] = await Promise.all([
        monthly(db.selectFrom('package_versions').select((eb) => [monthOf('submitted_at').as('month'), eb.fn.countAll<number | string | bigint>().as('n')]).where('submitted_at', '>=', from).groupBy(monthOf('submitted_at')).execute()),
        evaluations('%"status":"missing"%', 'not like'),
        evaluations('%"outcome":"flagged"%', 'like'),
        monthly(db.selectFrom('risk_assessments').select((eb) => [monthOf('assessed_at').as('month'), eb.fn.countAll<number | string | bigint>().as('n')]).where('assessed_at', '>=', from).groupBy(monthOf('assessed_at')).execute()),
        monthly(db.selectFrom('risk_tier_overrides').select((eb) => [monthOf('confirmed_at').as('month'), eb.fn.countAll<number | string | bigint>().as('n')]).where('confirmed_at', '>=', from).groupBy(monthOf('confirmed_at')).execute()),
        monthly(db.selectFrom('decisions').select((eb) => [monthOf('decided_at').as('month'), eb.fn.countAll<number | string | bigint>().as('n')]).where('decided_at', '>=', from).where('override', 'is not', null).groupBy(monthOf('decided_at')).execute()),
        // Each package once a month, however many of its versions came in it.
        monthly(
          db
            .selectFrom('package_versions')
            .select((eb) => [monthOf('submitted_at').as('month'), eb.fn.count<number | string | bigint>('package_id').distinct().as('n')])
            .where('submitted_at', '>=', from)
            .groupBy(monthOf('submitted_at'))
            .execute(),
        ),
        auditMonthly('package.rolled_back'),
      ]);
      const overrides = addMonthly(tierOverrides, approvalOverrides);
      return { submittedByTier, versionsSubmitted, completeVersions, flaggedVersions, assessments, overrides, changes, rollbacks };
    },
  };
}
