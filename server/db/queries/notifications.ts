import { sql } from 'kysely';
import type { NotificationPackageRows, NotificationsStore } from '#api/store/notifications.ts';
import type { StoreTx } from '#api/store/store.ts';
import { workflowTemplateSchema } from '#domain/contracts/workflow-template.ts';
import { notificationSources } from '#domain/notifications/derive-notifications.ts';
import { z } from 'zod';
import type { Engine } from '../schema/engine.ts';
import type { AuditLogTable, DecisionsTable, PackagesTable, PackageVersionsTable, ThreadsTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { toAuditEntry } from './audit.ts';
import { toPackage, toVersionFacts } from './packages.ts';
import { toDecision } from './signing.ts';
import { toThread } from './threads.ts';

// The notifications part of the Kysely repository: how far each user has read, and what a
// poll reads. On PostgreSQL each of a poll's reads is one statement (decision record 0189):
// every statement is a round trip through the pool and a parse and plan in the backend, which
// were most of a poll's cost; SQLite answers the same from the other queries, in one call.

const notificationSourceSchema = z.enum(notificationSources);

/** The reads a poll's SQLite answers are made of. */
export type NotificationParts = Pick<StoreTx, 'listAuditEntries' | 'listVersionFacts' | 'listDecisions' | 'listThreads'>;

type PackageWithTemplate = PackagesTable & { template_definition: string };

export function notificationsQueries(db: Db, engine: Engine, parts: NotificationParts): NotificationsStore {
  async function listPackagesWithTemplates(ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('packages')
      .innerJoin('workflow_templates as t', (j) => j.onRef('t.key', '=', 'packages.template_key').onRef('t.version', '=', 'packages.template_version'))
      .selectAll('packages')
      .select('t.definition as template_definition')
      .where('packages.id', 'in', [...ids])
      .orderBy('packages.id')
      .execute();
    return rows.map(withTemplate);
  }
  return {
    async findNotificationReadSeq(userId) {
      const row = await db.selectFrom('notification_reads').select('last_read_seq').where('user_id', '=', userId).executeTakeFirst();
      return row?.last_read_seq ?? 0;
    },
    async raiseNotificationReadSeq(userId, seq, at) {
      // One statement, so two tabs marking read at once cannot lower it.
      const result = await db
        .insertInto('notification_reads')
        .values({ user_id: userId, last_read_seq: seq, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_read_seq: seq, updated_at: at }).where('notification_reads.last_read_seq', '<', seq))
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    listPackagesWithTemplates,
    async readNotificationLog(afterSeq, limit, readerId) {
      if (engine === 'sqlite') {
        // One call on the one connection: nothing is written between the two reads. The names'
        // key is the names themselves joined by SQLite (no digest function there), so a poll
        // builds no user rows: reading and parsing every account to compare one text was a
        // poll's largest read after its package's (decision record 0197).
        const head = await sql<{ size: number | null; names_key: string | null; read_seq: number | null }>`select
            (select max(seq) from audit_log) as size,
            (select string_agg(id || char(31) || display_name, char(30) order by id) from users) as names_key,
            (select last_read_seq from notification_reads where user_id = ${readerId ?? null}) as read_seq`.execute(db);
        const row = head.rows[0];
        return { size: row?.size ?? 0, entries: await parts.listAuditEntries({}, afterSeq, limit), namesKey: row?.names_key ?? '', lastReadSeq: row?.read_seq ?? 0 };
      }
      // One statement, so one snapshot: the entries are exactly those up to the size (when no
      // more than the page), and the reader's mark is as of the same instant. The names travel
      // as a digest; their map is read when it changes. The page is a literal of the text: as a
      // parameter (or as 2,000), PostgreSQL's generic plan looked dearer than planning each
      // execution for its seq, so it planned every poll afresh (decision record 0203).
      const page = limit === 0 ? 0 : logPage;
      const { rows } = await sql<{ size: number | null; names_key: string; entries: AuditLogTable[]; read_seq: number | null }>`select
          (select max(seq) from audit_log) as size,
          (select md5(coalesce(string_agg(id || chr(31) || display_name, chr(30) order by id), '')) from users) as names_key,
          (select coalesce(json_agg(e order by e.seq), '[]'::json) from (select * from audit_log where seq > ${afterSeq} order by seq limit ${sql.lit(page)}) e) as entries,
          (select last_read_seq from notification_reads where user_id = ${readerId ?? null}) as read_seq`.execute(db);
      const row = rows[0];
      const size = row?.size ?? 0;
      const entries = (row?.entries ?? []).map(toAuditEntry).slice(0, limit);
      // More new entries than a page: the rest up to the size (entries at or below the size are
      // committed and never change, so a second read gives what the first snapshot held).
      const last = entries.at(-1)?.seq ?? afterSeq;
      if (entries.length === page && limit > page && last < size) entries.push(...(await parts.listAuditEntries({}, last, Math.min(limit - page, size - last))).filter((e) => e.seq <= size));
      return { size, entries, namesKey: row?.names_key ?? '', lastReadSeq: row?.read_seq ?? 0 };
    },
    async listNotificationPackages(ids, actions): Promise<NotificationPackageRows> {
      if (ids.length === 0) return { packages: [], versions: [], decisions: [], threads: [], entries: [] };
      if (engine === 'sqlite') {
        const list = [...ids];
        return { packages: await listPackagesWithTemplates(list), versions: await parts.listVersionFacts(list), decisions: await parts.listDecisions(list), threads: await parts.listThreads(list), entries: await packageEntries(db, list, actions) };
      }
      // Each list in the order its own query gives it (queries/packages.ts, signing.ts, threads.ts).
      // One package (a poll after an entry about it, the usual case) is named by `= $n`, and the
      // actions (a closed set) are literals: PostgreSQL's generic plan then estimates what a plan
      // for the value does and is kept after five executions, where `= any($n)` made it plan every
      // poll afresh, 0.4–0.6 ms of the backend's time per poll (decision record 0203).
      const [only] = ids;
      const among = (column: string) => (ids.length === 1 && only !== undefined ? sql`${sql.ref(column)} = ${only}` : sql`${sql.ref(column)} = any(${[...ids]}::text[])`);
      const { rows } = await sql<{ packages: PackageWithTemplate[]; versions: Omit<PackageVersionsTable, 'canonical_content'>[]; decisions: DecisionsTable[]; threads: (ThreadsTable & { last_message_at: string | null })[]; entries: AuditLogTable[] }>`select
          (select coalesce(json_agg(p order by p.id), '[]'::json) from (select packages.*, t.definition as template_definition from packages join workflow_templates t on t.key = packages.template_key and t.version = packages.template_version where ${among('packages.id')}) p) as packages,
          (select coalesce(json_agg(v order by v.package_id, v.number), '[]'::json) from (select package_id, number, content_hash, section_digests, submitted_by, submitted_at from package_versions where ${among('package_id')}) v) as versions,
          (select coalesce(json_agg(d order by d.decided_at, d.id), '[]'::json) from decisions d where ${among('d.package_id')}) as decisions,
          (select coalesce(json_agg(th order by th.created_at, th.id), '[]'::json) from (select threads.*, (select max(m.created_at) from thread_messages m where m.thread_id = threads.id) as last_message_at from threads where ${among('package_id')}) th) as threads,
          (select coalesce(json_agg(a order by a.seq), '[]'::json) from audit_log a where ${among('a.subject')} and ${actionsIn(actions)}) as entries`.execute(db);
      const row = rows[0];
      if (!row) return { packages: [], versions: [], decisions: [], threads: [], entries: [] };
      return {
        packages: row.packages.map(withTemplate),
        versions: row.versions.map(toVersionFacts),
        decisions: row.decisions.map(toDecision),
        threads: row.threads.map(({ last_message_at: lastMessageAt, ...thread }) => ({ ...toThread(thread), lastMessageAt })),
        entries: row.entries.map(toAuditEntry),
      };
    },
  };
}

/** Entries a poll reads after its kept size in its first statement; more are read after it. */
const logPage = 100;

/** `a.action in (...)` with each action a literal of the notification sources (a closed set; anything else throws, never reaches SQL). */
function actionsIn(actions: readonly string[]) {
  if (actions.length === 0) return sql<boolean>`false`;
  return sql<boolean>`a.action in (${sql.join(actions.map((action) => sql.lit(notificationSourceSchema.parse(action))))})`;
}

function withTemplate({ template_definition: definition, ...row }: PackageWithTemplate) {
  return { pkg: toPackage(row), template: workflowTemplateSchema.parse(JSON.parse(definition)) };
}

/** The entries about `ids` with one of `actions`, oldest first (by subject: an index). */
async function packageEntries(db: Db, ids: readonly string[], actions: readonly string[]) {
  if (actions.length === 0) return [];
  const rows = await db.selectFrom('audit_log').selectAll().where('subject', 'in', [...ids]).where('action', 'in', [...actions]).orderBy('seq').execute();
  return rows.map(toAuditEntry);
}
