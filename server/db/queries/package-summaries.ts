import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { DashboardSummaryList, PackageSummariesStore, SummaryPageQuery, SummaryText } from '#api/store/package-summaries.ts';
import type { Database, PackageSummariesTable } from '../schema/schema.ts';
import type { z } from 'zod';
import { donePackageStatuses, openPackageStatuses, packageStatusSchema, type PackageSummary, type StepState } from '#domain/contracts/packages.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import { riskTierSchema } from '#domain/contracts/sections.ts';
import { pendingStatuses } from '#domain/workflow/committee-dashboard.ts';
import type { Engine } from '../schema/engine.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The package summaries part of the Kysely repository (decision record 0129, migration 036).

/** Marks the named packages' summary rows stale; ids that name no package match nothing. */
export async function markSummariesStale(db: Db, packageIds: readonly string[]): Promise<void> {
  if (packageIds.length === 0) return;
  await db
    .updateTable('package_summaries')
    .set((eb) => ({ stale: 1, changes: eb('changes', '+', 1) }))
    .where('package_id', 'in', packageIds)
    .execute();
}

/** A new package's row: stale until its first read computes it. */
export async function insertSummaryPlaceholder(db: Db, packageId: string, ownerId: string): Promise<void> {
  await db.insertInto('package_summaries').values({ package_id: packageId, owner_id: ownerId }).execute();
}

function pageWhere(db: Db, engine: Engine, q: Omit<SummaryPageQuery, 'after' | 'limit' | 'onlyIds'>) {
  // A row marked stale after this request refreshed still serves the summary it had when the request began.
  let s: PageSelect = pageBase(db).where('summary', 'is not', null);
  if (q.ownerId !== null) s = s.where('owner_id', '=', q.ownerId);
  // The inbox's filters over closed sets (a status, a risk tier, a role) are literals, each
  // checked against its set first: on PostgreSQL each combination is then its own prepared
  // statement, whose generic plan knows the value's frequency, so the plan is made once per
  // connection instead of at every call (decision record 0200). Free text stays a parameter.
  if (q.status !== undefined) s = s.where('status', '=', closedLiteral(packageStatusSchema, q.status));
  if (q.statuses !== undefined) s = s.where('status', 'in', q.statuses.length > 0 ? [...q.statuses] : ['']);
  if (q.riskTier !== undefined) s = s.where('risk_tier', '=', closedLiteral(riskTierSchema, q.riskTier));
  if (q.modelKey !== undefined) s = s.where('model_key', '=', q.modelKey);
  if (q.stepRole !== undefined) s = s.where('step_role', '=', closedLiteral(roleSchema, q.stepRole));
  if (q.stepOverdue !== undefined) s = s.where('step_overdue', '=', q.stepOverdue ? 1 : 0);
  if (q.reReviewDue !== undefined) s = s.where('re_review_due', '=', q.reReviewDue ? 1 : 0);
  if (q.revalidationDueBy !== undefined) s = s.where('revalidation_due_on', '<=', q.revalidationDueBy);
  // A literal, not a parameter: the partial index's `conditions_lapsed = 1` is proved from the query's text.
  if (q.conditionsLapsed) s = s.where('conditions_lapsed', '=', sql.lit(1));
  if (q.tab) s = tabWhere(s, engine, q.tab);
  return s;
}

/** The rows stale or past their `validUntil` at `now`. */
async function dueRows(db: Db, now: string) {
  // Two indexed probes (the partial stale index, the valid_until index), not one OR over every
  // row, in one statement: every list request asks, and on PostgreSQL each statement is a round trip.
  const both = await db
    .selectFrom('package_summaries')
    .select(['package_id', 'changes', 'valid_until'])
    // A literal, not a parameter: the partial index's `stale = 1` is proved from the query's text.
    .where('stale', '=', sql.lit(1))
    .unionAll(db.selectFrom('package_summaries').select(['package_id', 'changes', 'valid_until']).where('valid_until', '<=', now))
    .execute();
  const rows = new Map(both.map((r) => [r.package_id, { packageId: r.package_id, changes: r.changes, validUntil: r.valid_until }]));
  return [...rows.values()];
}

/** The query's rows after its cursor, newest first (the columns and limit are the caller's). */
function orderedPage(db: Db, engine: Engine, q: SummaryPageQuery) {
  const { after } = q;
  let page = pageWhere(db, engine, q);
  if (after) page = page.where((eb) => eb.or([eb('updated_at', '<', after.updatedAt), eb.and([eb('updated_at', '=', after.updatedAt), eb('package_id', '>', after.id)])]));
  return page.orderBy('updated_at', 'desc').orderBy('package_id', 'asc');
}

type PageSelect = ReturnType<typeof pageBase>;
const pageBase = (db: Db) => db.selectFrom('package_summaries');

/**
 * Whether the caller is among the row's tier setters (a JSON array of ids, migration 062): the
 * quoted id found in its text. A test on the rows the tab's other conditions kept, so the
 * indexes that select them still do (decision record 0183); instr and strpos, not LIKE, whose
 * `_` in every user id would be a wildcard.
 */
function setTier(engine: Engine, userId: string) {
  const quoted = JSON.stringify(userId);
  return engine === 'postgres' ? sql<boolean>`strpos(tier_setters, ${quoted}) > 0` : sql<boolean>`instr(tier_setters, ${quoted}) > 0`;
}

type Selected = Extract<NonNullable<SummaryPageQuery['tab']>, { tab: 'awaiting' | 'waiting' }>;
type Where = ExpressionBuilder<Database, 'package_summaries'>;

/**
 * The caller cannot approve the row's step (0174): they set its tier, or its role is theirs
 * only as the delegate of whoever did (decision record 0186), each an OR of a few ANDs over the
 * row the other conditions selected.
 */
function cannotApprove(eb: Where, engine: Engine, tab: Selected) {
  return eb.or([setTier(engine, tab.userId), ...tab.delegatedFrom.map((d) => eb.and([eb('step_role', '=', d.role), setTier(engine, d.delegatorId)]))]);
}

/** The inbox's tabs as SQL (domain/package/inbox-tabs.ts's inTabSelection, decision records 0140, 0183, 0186). */
function tabWhere(s: PageSelect, engine: Engine, tab: NonNullable<SummaryPageQuery['tab']>): PageSelect {
  switch (tab.tab) {
    case 'awaiting':
      if (tab.roles.length === 0) return s.where(sql.lit(false));
      return s
        .where('status', 'in', [...openPackageStatuses])
        .where('turn_party', '=', 'reviewer')
        .where('step_role', 'in', [...tab.roles])
        .where((eb) => eb.not(cannotApprove(eb, engine, tab)));
    case 'waiting': {
      const open = s.where('status', 'in', [...openPackageStatuses]);
      if (tab.roles.length === 0) return open;
      // Not awaiting me; a null step or turn is not mine (SQL's NOT over a null would drop the row).
      return open.where((eb) => eb.or([eb('turn_party', 'is', null), eb('turn_party', '<>', 'reviewer'), eb('step_role', 'is', null), eb('step_role', 'not in', [...tab.roles]), cannotApprove(eb, engine, tab)]));
    }
    case 'clarifications':
      return s.where('open_clarifications', '>', 0);
    case 'done':
      return s.where('status', 'in', [...donePackageStatuses]);
    case 'nothing':
      return s.where(sql.lit(false));
  }
}

export function packageSummariesQueries(db: Db, engine: Engine): PackageSummariesStore {
  return {
    markSummariesStale: (ids) => markSummariesStale(db, ids),
    listSummariesToRefresh: (now) => dueRows(db, now),
    async writeSummaries(rows) {
      for (const row of rows) {
        const s = row.summary;
        await db
          .updateTable('package_summaries')
          .set({
            stale: 0,
            valid_until: row.validUntil,
            summary: JSON.stringify(s),
            steps: JSON.stringify(row.steps),
            status: s.status,
            risk_tier: s.riskTier,
            model_key: s.modelKey,
            step_role: s.currentStep?.role ?? null,
            turn_party: s.turn.party,
            open_clarifications: s.openClarifications,
            step_overdue: s.currentStep?.overdue ? 1 : 0,
            re_review_due: s.reReviewDue ? 1 : 0,
            revalidation_due_on: s.revalidationDueOn ?? null,
            updated_at: s.updatedAt,
            submitted_at: s.submittedAt,
            step_due_at: s.currentStep?.dueAt ?? null,
            conditions_lapsed: s.conditionsLapsed === true ? 1 : 0,
            tier_setters: JSON.stringify(s.tierSetBy ?? []),
          })
          .where('package_id', '=', row.packageId)
          .where('changes', '=', row.changes)
          .execute();
      }
    },
    async pageSummariesIfFresh(q, now) {
      if (engine === 'sqlite') {
        // One call on the one connection: nothing is written between the two reads.
        return (await dueRows(db, now)).length > 0 ? null : summaryTexts(await orderedPage(db, engine, q).select(summaryTextColumns).limit(q.limit + 1).execute());
      }
      // One statement, one snapshot: the page is read only when no row is due, and then every
      // row in it is as fresh as a refresh would have made it (decision record 0189). The limit
      // is a literal (a whole number of 2 to 201, the route's schema): as a parameter the
      // prepared statement's generic plan could not know it, so PostgreSQL planned every
      // execution afresh, most of the backend's time per call (decision record 0200).
      const page = orderedPage(db, engine, q).select(summaryTextColumns).limit(sql.lit(wholeLimit(q.limit + 1)));
      const { rows } = await sql<{ due: boolean } & { [K in (typeof summaryTextColumns)[number]]: PackageSummariesTable[K] | null }>`select d.due, p.* from (select exists (select 1 from package_summaries where stale = 1) or exists (select 1 from package_summaries where valid_until <= ${now}) as due) d left join lateral (${page}) p on not d.due`.execute(db);
      if (rows.some((r) => r.due)) return null;
      return summaryTexts(rows.flatMap((r) => (r.package_id === null ? [] : [{ ...r, package_id: r.package_id, step_overdue: r.step_overdue ?? 0 }])));
    },
    async pageSummaries(q) {
      const { limit, onlyIds } = q;
      const page = orderedPage(db, engine, q);
      if (!onlyIds) return summaryTexts(await page.select(summaryTextColumns).limit(limit + 1).execute());
      // A list of ids decided elsewhere (a governance list): the keys in order, those in the list, then their summaries.
      const keys = (await page.select('package_id').execute()).map((r) => r.package_id).filter((id) => onlyIds.has(id)).slice(0, limit + 1);
      if (keys.length === 0) return [];
      const rows = await db.selectFrom('package_summaries').select(summaryTextColumns).where('package_id', 'in', keys).execute();
      const byId = new Map(summaryTexts(rows).map((r) => [r.id, r]));
      return keys.flatMap((id) => byId.get(id) ?? []);
    },
    async countSummaries(q) {
      const { onlyIds } = q;
      const where = pageWhere(db, engine, q);
      if (!onlyIds) return Number((await where.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst())?.n ?? 0); // PostgreSQL's count is a bigint, read as text
      return (await where.select('package_id').execute()).filter((r) => onlyIds.has(r.package_id)).length;
    },
    async listSummaryRows(ids) {
      // Read as writeSummaries wrote them (from summarize), not re-validated one by one.
      if (ids.size === 0) return [];
      const rows = await db.selectFrom('package_summaries').select(['package_id', 'summary', 'steps']).where('summary', 'is not', null).where('package_id', 'in', [...ids]).orderBy('package_id').execute();
      return rows.flatMap((r) => (r.summary === null ? [] : [{ summary: parseJson(r.summary) as PackageSummary, steps: r.steps ? (parseJson(r.steps) as StepState[]) : [] }]));
    },
    async nextSummaryChange() {
      // The valid_until index's first entries: min reads one end of it, the count the rows tied there.
      const row = await db
        .selectFrom('package_summaries')
        .select((eb) => ['valid_until', eb.fn.countAll<Count>().as('rows')])
        .where('valid_until', '=', (eb) => eb.selectFrom('package_summaries').select((f) => f.fn.min('valid_until').as('next')))
        .groupBy('valid_until')
        .executeTakeFirst();
      return row?.valid_until ? { at: row.valid_until, rows: Number(row.rows) } : null;
    },
    async summaryTierCounts({ pending, approved }) {
      // From the covering index of migration 045 alone: `summary is not null` is its condition.
      const rows = await db
        .selectFrom('package_summaries')
        .select((eb) => [
          'risk_tier',
          eb.fn.count<Count>('model_key').distinct().as('models'),
          eb.fn.countAll<Count>().filterWhere('status', 'in', [...pending]).as('pending'),
          eb.fn.countAll<Count>().filterWhere('status', 'in', [...approved]).as('approved'),
          eb.fn.countAll<Count>().filterWhere('status', '=', 'rejected').as('rejected'),
          eb.fn.countAll<Count>().filterWhere((f) => f.and([f('status', 'in', [...pending]), f('step_overdue', '=', 1)])).as('overdue'),
          eb.fn.countAll<Count>().filterWhere((f) => f.and([f('status', '<>', 'rejected'), f('re_review_due', '=', 1)])).as('re_review_due'),
        ])
        .where('summary', 'is not', null)
        .groupBy('risk_tier')
        .execute();
      return rows.flatMap((r) => (r.risk_tier === null ? [] : [{ riskTier: r.risk_tier, models: Number(r.models), pending: Number(r.pending), approved: Number(r.approved), rejected: Number(r.rejected), overdue: Number(r.overdue), reReviewDue: Number(r.re_review_due) }]));
    },
    async firstSummaryTexts(list, limit) {
      const { rows } = await firstPageQuery(db, engine, list, limit);
      return rows.flatMap((r) => (r.summary === null ? [] : [r.summary]));
    },
  };
}

/** What a SummaryText is read from: the stored JSON text and the keys its lists are ordered by. */
const summaryTextColumns = ['package_id', 'summary', 'updated_at', 'submitted_at', 'step_due_at', 'step_overdue'] as const;

/**
 * The rows as SummaryTexts: the JSON text as writeSummaries wrote it (from summarize), neither
 * parsed nor validated again (that was a sixth of an inbox page's server CPU, docs/decisions/0148).
 * A row not yet computed has no summary and is left out; writeSummaries writes every key with it.
 */
function summaryTexts(rows: readonly Pick<PackageSummariesTable, (typeof summaryTextColumns)[number]>[]): SummaryText[] {
  return rows.flatMap((r) => (r.summary === null || r.updated_at === null ? [] : [{ id: r.package_id, updatedAt: r.updated_at, submittedAt: r.submitted_at ?? '', stepDueAt: r.step_due_at, stepOverdue: r.step_overdue === 1, json: r.summary }]));
}

/** A value of a closed set written into the SQL text: anything outside the set is refused, never written. */
function closedLiteral<T extends string | number>(set: z.ZodType<T>, value: unknown) {
  return sql.lit(set.parse(value));
}

/** A limit written into the SQL text: only a whole number above 0 gets there. */
function wholeLimit(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Not a page limit: ${n}`);
  return n;
}

/** A count: PostgreSQL's is a bigint, read as text. */
type Count = number | string | bigint;

/**
 * A dashboard list's first `limit` rows in its order, written as migration 053's partial index
 * of it says it (statuses and flags as literals: the index is used only when the query repeats
 * its condition), so the page is that index's first rows. SQLite is told the index (INDEXED BY):
 * without statistics its planner prefers the status index and sorts every pending row, which is
 * the cost this replaces; INDEXED BY also fails the query, rather than scanning, should the
 * condition stop matching the index. PostgreSQL orders by the binary collation ("C"), as SQLite
 * and the comparators do; a missing due time sorts first on both.
 */
function firstPageQuery(db: Db, engine: Engine, list: DashboardSummaryList, limit: number) {
  const pg = engine === 'postgres';
  const binary = (column: string) => (pg ? sql`${sql.ref(column)} collate "C"` : sql.ref(column));
  const pending = sql`summary is not null and status in (${sql.join(pendingStatuses.map((status) => sql.lit(status)))})`;
  const page = (index: string, where: RawBuilder<unknown>, order: RawBuilder<unknown>) =>
    sql<{ summary: string | null }>`select summary from package_summaries${pg ? sql`` : sql` indexed by ${sql.raw(index)}`} where ${where} order by ${order} limit ${limit}`.execute(db);
  switch (list) {
    case 'pending':
      return page('package_summaries_pending_first', pending, sql`${binary('submitted_at')}, ${binary('package_id')}`);
    case 'overdue':
      return page('package_summaries_overdue_first', sql`${pending} and step_overdue = 1`, sql`${binary('step_due_at')}${pg ? sql` nulls first` : sql``}, ${binary('package_id')}`);
    case 'conditionsLapsed':
      return page('package_summaries_conditions_lapsed', sql`summary is not null and conditions_lapsed = 1`, binary('package_id'));
  }
}
