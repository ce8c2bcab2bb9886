import { sql } from 'kysely';
import type { NotificationPackageRows, NotificationsStore } from '#api/store/notifications.ts';
import type { StoreTx } from '#api/store/store.ts';
import { workflowTemplateSchema } from '#domain/contracts/workflow-template.ts';
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
    async readNotificationLog(afterSeq, limit) {
      if (engine === 'sqlite') {
        // One call on the one connection: nothing is written between the two reads. The names'
        // key is the names themselves joined by SQLite (no digest function there), so a poll
        // builds no user rows: reading and parsing every account to compare one text was a
        // poll's largest read after its package's (decision record 0197).
        const head = await sql<{ size: number | null; names_key: string | null }>`select
            (select max(seq) from audit_log) as size,
            (select string_agg(id || char(31) || display_name, char(30) order by id) from users) as names_key`.execute(db);
        const row = head.rows[0];
        return { size: row?.size ?? 0, entries: await parts.listAuditEntries({}, afterSeq, limit), namesKey: row?.names_key ?? '' };
      }
      // One statement, so one snapshot: the entries are exactly those up to the size (when no
      // more than the limit). The names travel as a digest; their map is read when it changes.
      const { rows } = await sql<{ size: number | null; names_key: string; entries: AuditLogTable[] }>`select
          (select max(seq) from audit_log) as size,
          (select md5(coalesce(string_agg(id || chr(31) || display_name, chr(30) order by id), '')) from users) as names_key,
          (select coalesce(json_agg(e order by e.seq), '[]'::json) from (select * from audit_log where seq > ${afterSeq} order by seq limit ${limit}) e) as entries`.execute(db);
      const row = rows[0];
      return { size: row?.size ?? 0, entries: (row?.entries ?? []).map(toAuditEntry), namesKey: row?.names_key ?? '' };
    },
    async listNotificationPackages(ids, actions): Promise<NotificationPackageRows> {
      if (ids.length === 0) return { packages: [], versions: [], decisions: [], threads: [], entries: [] };
      if (engine === 'sqlite') {
        const list = [...ids];
        return { packages: await listPackagesWithTemplates(list), versions: await parts.listVersionFacts(list), decisions: await parts.listDecisions(list), threads: await parts.listThreads(list), entries: await packageEntries(db, list, actions) };
      }
      // Each list in the order its own query gives it (queries/packages.ts, signing.ts, threads.ts).
      const { rows } = await sql<{ packages: PackageWithTemplate[]; versions: Omit<PackageVersionsTable, 'canonical_content'>[]; decisions: DecisionsTable[]; threads: (ThreadsTable & { last_message_at: string | null })[]; entries: AuditLogTable[] }>`select
          (select coalesce(json_agg(p order by p.id), '[]'::json) from (select packages.*, t.definition as template_definition from packages join workflow_templates t on t.key = packages.template_key and t.version = packages.template_version where packages.id = any(${[...ids]}::text[])) p) as packages,
          (select coalesce(json_agg(v order by v.package_id, v.number), '[]'::json) from (select package_id, number, content_hash, section_digests, submitted_by, submitted_at from package_versions where package_id = any(${[...ids]}::text[])) v) as versions,
          (select coalesce(json_agg(d order by d.decided_at, d.id), '[]'::json) from decisions d where d.package_id = any(${[...ids]}::text[])) as decisions,
          (select coalesce(json_agg(th order by th.created_at, th.id), '[]'::json) from (select threads.*, (select max(m.created_at) from thread_messages m where m.thread_id = threads.id) as last_message_at from threads where package_id = any(${[...ids]}::text[])) th) as threads,
          (select coalesce(json_agg(a order by a.seq), '[]'::json) from audit_log a where a.subject = any(${[...ids]}::text[]) and a.action = any(${[...actions]}::text[])) as entries`.execute(db);
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

function withTemplate({ template_definition: definition, ...row }: PackageWithTemplate) {
  return { pkg: toPackage(row), template: workflowTemplateSchema.parse(JSON.parse(definition)) };
}

/** The entries about `ids` with one of `actions`, oldest first (by subject: an index). */
async function packageEntries(db: Db, ids: readonly string[], actions: readonly string[]) {
  if (actions.length === 0) return [];
  const rows = await db.selectFrom('audit_log').selectAll().where('subject', 'in', [...ids]).where('action', 'in', [...actions]).orderBy('seq').execute();
  return rows.map(toAuditEntry);
}
