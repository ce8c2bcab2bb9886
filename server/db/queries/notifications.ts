import { CompiledQuery, sql } from 'kysely';
import { notificationRowsLimit, type NotificationPackageRows, type NotificationsStore } from '#api/store/notifications.ts';
import type { StoreTx } from '#api/store/store.ts';
import { workflowTemplateSchema } from '#domain/contracts/workflow-template.ts';
import type { Engine } from '../schema/engine.ts';
import { logPage, logStatement, packageRowsStatement, type LogRow, type PackageRowsJson, type PackageWithTemplate } from './notification-statements.ts';
import type { Db } from './shared.ts';
import { toAuditEntry } from './audit.ts';
import { toPackage, toVersionFacts } from './packages.ts';
import { toDecision } from './signing.ts';
import { toThread } from './threads.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The notifications part of the Kysely repository: how far each user has read, and what a
// poll reads. On PostgreSQL each of a poll's reads is one statement (decision record 0189):
// every statement is a round trip through the pool and a parse and plan in the backend, which
// were most of a poll's cost; SQLite answers the same from the other queries, in one call.

/** The reads a poll's SQLite answers are made of. */
export type NotificationParts = Pick<StoreTx, 'listAuditEntries' | 'listVersionFacts' | 'listDecisions' | 'listThreads'>;

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
  async function sqliteRows(list: string[], actions: readonly string[]): Promise<NotificationPackageRows> {
    return { packages: await listPackagesWithTemplates(list), versions: await parts.listVersionFacts(list), decisions: await parts.listDecisions(list), threads: await parts.listThreads(list), entries: await packageEntries(db, list, actions) };
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
    async readNotificationLog(afterSeq, limit, readerId, rowsOf) {
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
        const size = row?.size ?? 0;
        const entries = await parts.listAuditEntries({}, afterSeq, limit);
        // The named packages' rows from the same call, so of the same size, as PostgreSQL's
        // statement brings them (0217, 0241): read in a call of their own, they could be newer
        // than the size a poll derives them at.
        const subjects = new Set(entries.map((e) => e.subject));
        const whole = entries.length === size - afterSeq && entries.length < logPage && subjects.size > 0 && subjects.size <= notificationRowsLimit;
        return { size, entries, namesKey: row?.names_key ?? '', lastReadSeq: row?.read_seq ?? 0, ...(rowsOf && whole ? { rows: await sqliteRows([...subjects], rowsOf) } : {}) };
      }
      // One statement, so one snapshot: the entries are exactly those up to the size (when no
      // more than the page), and the reader's mark is as of the same instant. The names travel
      // as a digest; their map is read when it changes. The page is a literal of the text: as a
      // parameter (or as 2,000), PostgreSQL's generic plan looked dearer than planning each
      // execution for its seq, so it planned every poll afresh (decision record 0203).
      const page = limit === 0 ? 0 : logPage;
      // With `rowsOf`, the rows of the packages the page names come in the same statement (0217).
      const { rows } = await db.executeQuery<LogRow>(CompiledQuery.raw(logStatement(page, rowsOf), [afterSeq, readerId ?? null]));
      const row = rows[0];
      const size = row?.size ?? 0;
      const read = (row?.entries ?? []).map(toAuditEntry);
      const entries = read.slice(0, limit);
      // Every entry after the seq, naming few enough packages: their rows came with them.
      const named = read.length <= limit ? row?.package_rows : null;
      // More new entries than a page: the rest up to the size (entries at or below the size are
      // committed and never change, so a second read gives what the first snapshot held).
      const last = entries.at(-1)?.seq ?? afterSeq;
      if (entries.length === page && limit > page && last < size) entries.push(...(await parts.listAuditEntries({}, last, Math.min(limit - page, size - last))).filter((e) => e.seq <= size));
      return { size, entries, namesKey: row?.names_key ?? '', lastReadSeq: row?.read_seq ?? 0, ...(named ? { rows: packageRows(named) } : {}) };
    },
    async listNotificationPackages(ids, actions): Promise<NotificationPackageRows> {
      if (ids.length === 0) return { packages: [], versions: [], decisions: [], threads: [], entries: [] };
      if (engine === 'sqlite') return sqliteRows([...ids], actions);
      // Each list in the order its own query gives it (queries/packages.ts, signing.ts, threads.ts).
      // One package (a poll after an entry about it, the usual case) is named by `= $n`, and the
      // actions (a closed set) are literals: PostgreSQL's generic plan then estimates what a plan
      // for the value does and is kept after five executions, where `= any($n)` made it plan every
      // poll afresh, 0.4–0.6 ms of the backend's time per poll (decision record 0203).
      const one = ids.length === 1;
      const { rows } = await db.executeQuery<{ package_rows: PackageRowsJson }>(CompiledQuery.raw(packageRowsStatement(one, actions), [one ? ids[0] : [...ids]]));
      const row = rows[0];
      return row ? packageRows(row.package_rows) : { packages: [], versions: [], decisions: [], threads: [], entries: [] };
    },
  };
}

function packageRows(row: PackageRowsJson): NotificationPackageRows {
  return {
    packages: row.packages.map(withTemplate),
    versions: row.versions.map(toVersionFacts),
    decisions: row.decisions.map(toDecision),
    threads: row.threads.map(({ last_message_at: lastMessageAt, ...thread }) => ({ ...toThread(thread), lastMessageAt })),
    entries: row.entries.map(toAuditEntry),
  };
}

function withTemplate({ template_definition: definition, ...row }: PackageWithTemplate) {
  return { pkg: toPackage(row), template: workflowTemplateSchema.parse(parseJson(definition)) };
}

/** The entries about `ids` with one of `actions`, oldest first (by subject: an index). */
async function packageEntries(db: Db, ids: readonly string[], actions: readonly string[]) {
  if (actions.length === 0) return [];
  const rows = await db.selectFrom('audit_log').selectAll().where('subject', 'in', [...ids]).where('action', 'in', [...actions]).orderBy('seq').execute();
  return rows.map(toAuditEntry);
}
