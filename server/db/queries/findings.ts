import { actorSchema } from '#domain/contracts/decisions.ts';
import { findingSeveritySchema, findingStatusSchema, findingTypeSchema, riskAcceptanceSchema } from '#domain/contracts/findings.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import { textQuoteSelectorSchema } from '#domain/contracts/threads.ts';
import { sql } from 'kysely';
import type { FindingRegisterFilter, FindingsStore, StoredFinding, StoredFindingEvent } from '#api/store/findings.ts';
import type { FindingEventsTable, FindingsTable } from '../schema/schema.ts';
import type { Engine } from '../schema/engine.ts';
import { withIds, type Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The findings part of the Kysely repository: findings and their transition history.

function toFinding(r: FindingsTable): StoredFinding {
  return {
    id: r.id,
    packageId: r.package_id,
    versionNumber: r.version_number,
    sectionKey: r.section_key,
    anchor: r.anchor === null ? null : textQuoteSelectorSchema.parse(parseJson(r.anchor)),
    title: r.title,
    description: r.description,
    severity: findingSeveritySchema.parse(r.severity),
    type: findingTypeSchema.parse(r.type),
    ownerId: r.owner_id,
    dueDate: r.due_date,
    remediationPlan: r.remediation_plan,
    status: findingStatusSchema.parse(r.status),
    raisedBy: actorSchema.parse(parseJson(r.raised_by)),
    raisedRole: roleSchema.parse(r.raised_role),
    acceptance: r.acceptance === null ? null : riskAcceptanceSchema.parse(parseJson(r.acceptance)),
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toEvent(r: FindingEventsTable): StoredFindingEvent {
  return {
    id: r.id,
    findingId: r.finding_id,
    at: r.at,
    by: actorSchema.parse(parseJson(r.by)),
    role: roleSchema.parse(r.role),
    from: r.from_status === null ? null : findingStatusSchema.parse(r.from_status),
    to: findingStatusSchema.parse(r.to_status),
    versionNumber: r.version_number,
    note: r.note,
    position: r.position,
  };
}

const mutable = (f: StoredFinding) => ({
  remediation_plan: f.remediationPlan,
  status: f.status,
  acceptance: f.acceptance ? JSON.stringify(f.acceptance) : null,
  revision: f.revision,
  updated_at: f.updatedAt,
});

const unresolved = ['open', 'remediation_proposed', 'remediated'] as const;
const severityRank = sql<number>`case findings.severity when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/** The acceptance's expiry date (ISO text, comparable as text), read from its JSON on each engine. */
const acceptanceExpiresOn = (engine: Engine) => (engine === 'postgres' ? sql<string>`(findings.acceptance::json ->> 'expiresOn')` : sql<string>`json_extract(findings.acceptance, '$.expiresOn')`);

function registerWhere(db: Db, engine: Engine, f: FindingRegisterFilter) {
  let q = db.selectFrom('findings').innerJoin('packages', 'packages.id', 'findings.package_id');
  if (f.packageOwnerId !== null) q = q.where('packages.owner_id', '=', f.packageOwnerId);
  if (f.severity !== undefined) q = q.where('findings.severity', '=', f.severity);
  if (f.status !== undefined) q = q.where('findings.status', '=', f.status);
  if (f.ownerId !== undefined) q = q.where('findings.owner_id', '=', f.ownerId);
  if (f.modelKey !== undefined) q = q.where('packages.model_key', '=', f.modelKey);
  if (f.overdue === true) q = q.where('findings.status', 'in', unresolved).where('findings.due_date', '<', f.today);
  if (f.overdue === false) q = q.where((eb) => eb.or([eb('findings.status', 'not in', unresolved), eb('findings.due_date', '>=', f.today)]));
  // The rule of domain/findings/lifecycle.ts isAcceptanceExpired: still accepted, expiry before today.
  if (f.acceptanceExpired === true) q = q.where('findings.status', '=', 'risk_accepted').where(acceptanceExpiresOn(engine), '<', f.today);
  if (f.acceptanceExpired === false) q = q.where((eb) => eb.or([eb('findings.status', '!=', 'risk_accepted'), eb('findings.acceptance', 'is', null), eb(acceptanceExpiresOn(engine), '>=', f.today)]));
  return q;
}

export function findingsQueries(db: Db, engine: Engine): FindingsStore {
  return {
    async insertFindingDueNotice(n) {
      // Insert or skip on the primary key: of two sweeps at once only one goes on (012's way).
      const result = await db
        .insertInto('finding_due_notices')
        .values({ finding_id: n.findingId, stage: n.stage, package_id: n.packageId, due_date: n.dueDate, noticed_at: n.noticedAt })
        .onConflict((oc) => oc.columns(['finding_id', 'stage']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async listFindingDueNotices() {
      const rows = await db.selectFrom('finding_due_notices').selectAll().orderBy('noticed_at').orderBy('finding_id').orderBy('stage').execute();
      return rows.map((r) => ({ findingId: r.finding_id, stage: r.stage === 'overdue' ? ('overdue' as const) : ('due_soon' as const), packageId: r.package_id, dueDate: r.due_date, noticedAt: r.noticed_at }));
    },
    async findingRegisterPage(f) {
      const { total } = await registerWhere(db, engine, f)
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('total'))
        .executeTakeFirstOrThrow();
      let q = registerWhere(db, engine, f).selectAll('findings');
      // The same order as domain/findings/register.ts (ties: raised first, then id).
      if (f.sort === 'due') q = q.orderBy('findings.due_date').orderBy(severityRank).orderBy('findings.created_at').orderBy('findings.id');
      if (f.sort === 'severity') q = q.orderBy(severityRank).orderBy('findings.due_date').orderBy('findings.created_at').orderBy('findings.id');
      if (f.sort === 'raised') q = q.orderBy('findings.created_at', 'desc').orderBy('findings.id', 'desc');
      if (f.sort === 'updated') q = q.orderBy('findings.updated_at', 'desc').orderBy('findings.created_at', 'desc').orderBy('findings.id', 'desc');
      const rows = await q.limit(f.limit).offset(f.offset).execute();
      return { items: rows.map(toFinding), total: Number(total) };
    },
    listFindings(ids) {
      return withIds(ids, async (only) => {
        let q = db.selectFrom('findings').selectAll();
        if (only) q = q.where('package_id', 'in', only);
        return (await q.orderBy('created_at').orderBy('id').execute()).map(toFinding);
      });
    },
    async dashboardFindings(today, horizon) {
      // Only findings whose package has a summary: the dashboard names each one's model by it.
      const known = () => db.selectFrom('findings').innerJoin('package_summaries as s', (j) => j.onRef('s.package_id', '=', 'findings.package_id').on('s.summary', 'is not', null));
      const [counts, listed] = await Promise.all([
        known()
          .select((eb) => ['findings.severity', eb.fn.countAll<number | string | bigint>().as('n')])
          .where('findings.status', 'in', unresolved)
          .groupBy('findings.severity')
          .execute(),
        known()
          .selectAll('findings')
          .where((eb) =>
            eb.or([
              eb.and([eb('findings.status', 'in', unresolved), eb('findings.due_date', '<', today)]),
              eb.and([eb('findings.status', '=', 'risk_accepted'), eb('findings.acceptance', 'is not', null), eb(acceptanceExpiresOn(engine), '<=', horizon)]),
            ]),
          )
          .orderBy('findings.created_at')
          .orderBy('findings.id')
          .execute(),
      ]);
      return { openBySeverity: Object.fromEntries(counts.map((r) => [findingSeveritySchema.parse(r.severity), Number(r.n)])), listed: listed.map(toFinding) };
    },
    async findFinding(id) {
      const row = await db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toFinding(row) : null;
    },
    async insertFinding(f) {
      await db
        .insertInto('findings')
        .values({
          id: f.id,
          package_id: f.packageId,
          version_number: f.versionNumber,
          section_key: f.sectionKey,
          anchor: f.anchor ? JSON.stringify(f.anchor) : null,
          title: f.title,
          description: f.description,
          severity: f.severity,
          type: f.type,
          owner_id: f.ownerId,
          due_date: f.dueDate,
          raised_by: JSON.stringify(f.raisedBy),
          raised_role: f.raisedRole,
          created_at: f.createdAt,
          ...mutable(f),
        })
        .execute();
    },
    async updateFinding(f) {
      const result = await db.updateTable('findings').set(mutable(f)).where('id', '=', f.id).where('revision', '=', f.revision - 1).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listFindingEvents(findingIds) {
      if (findingIds.length === 0) return [];
      const rows = await db.selectFrom('finding_events').selectAll().where('finding_id', 'in', findingIds).orderBy('finding_id').orderBy('position').execute();
      return rows.map(toEvent);
    },
    async insertFindingEvent(e) {
      await db
        .insertInto('finding_events')
        .values({ id: e.id, finding_id: e.findingId, at: e.at, by: JSON.stringify(e.by), role: e.role, from_status: e.from, to_status: e.to, version_number: e.versionNumber, note: e.note, position: e.position })
        .execute();
    },
  };
}
