import { notificationRowsLimit } from '#api/store/notifications.ts';
import { notificationSources } from '#domain/notifications/derive-notifications.ts';
import { z } from 'zod';
import type { AuditLogTable, DecisionsTable, PackagesTable, PackageVersionsTable, ThreadsTable } from '../schema/schema.ts';

// The texts of a poll's PostgreSQL statements, each built once (decision record 0217): a poll
// sent the same few texts through Kysely's builder and compiler every time. The only values
// are parameters ($1, $2); the page and the actions (a closed set, each checked) are literals
// of the text, so PostgreSQL keeps a generic plan for each (decision record 0203).

const notificationSourceSchema = z.enum(notificationSources);

/** Entries a poll reads after its kept size in its first statement; more are read after it. */
export const logPage = 100;

export type PackageWithTemplate = PackagesTable & { template_definition: string };

/** A poll's package rows as one JSON object (each list in the order its own query gives it: queries/packages.ts, signing.ts, threads.ts). */
export interface PackageRowsJson {
  packages: PackageWithTemplate[];
  versions: Omit<PackageVersionsTable, 'canonical_content'>[];
  decisions: DecisionsTable[];
  threads: (ThreadsTable & { last_message_at: string | null })[];
  entries: AuditLogTable[];
}

export interface LogRow {
  size: number | null;
  names_key: string;
  entries: AuditLogTable[];
  read_seq: number | null;
  /** With the rows asked for: the named packages' rows when every entry after the seq came and they name some but few enough packages, else null. */
  package_rows?: PackageRowsJson | null;
}

/** The actions, each one of the notification sources (anything else throws, before a text is looked up or built: it never reaches SQL). */
function checked(actions: readonly string[]): string[] {
  return actions.map((action) => notificationSourceSchema.parse(action));
}

/** `a.action in (...)` with each action a literal (checked first). */
function actionsIn(actions: readonly string[]): string {
  if (actions.length === 0) return 'false';
  return `a.action in (${actions.map((action) => `'${action}'`).join(', ')})`;
}

/** The package rows of the packages `among` chooses, as one JSON object. */
function packageRowsObject(among: (column: string) => string, actions: readonly string[]): string {
  return `json_build_object(
    'packages', (select coalesce(json_agg(p order by p.id), '[]'::json) from (select packages.*, t.definition as template_definition from packages join workflow_templates t on t.key = packages.template_key and t.version = packages.template_version where ${among('packages.id')}) p),
    'versions', (select coalesce(json_agg(v order by v.package_id, v.number), '[]'::json) from (select package_id, number, content_hash, section_digests, submitted_by, submitted_at from package_versions where ${among('package_id')}) v),
    'decisions', (select coalesce(json_agg(d order by d.decided_at, d.id), '[]'::json) from decisions d where ${among('d.package_id')}),
    'threads', (select coalesce(json_agg(th order by th.created_at, th.id), '[]'::json) from (select threads.*, (select max(m.created_at) from thread_messages m where m.thread_id = threads.id) as last_message_at from threads where ${among('package_id')}) th),
    'entries', (select coalesce(json_agg(a order by a.seq), '[]'::json) from audit_log a where ${among('a.subject')} and ${actionsIn(actions)}))`;
}

const texts = new Map<string, string>();
/** A text built once per shape; the shapes are few (pages 0 and 100, the sources), the bound is a guard. */
function once(key: string, build: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = build();
    if (texts.size < 16) texts.set(key, text);
  }
  return text;
}

/**
 * The log's statement: $1 the seq after which entries are read (at most `page`), $2 the reader.
 * With `rowsOf`, the rows of the packages the page names come in the same statement, when the
 * page holds every entry after $1 and names at most `notificationRowsLimit` packages (none is
 * read when the page is empty, a poll with nothing new: no rows, and nothing to derive). The seq
 * is then read by an InitPlan: PostgreSQL estimates the page as a generic plan does (100 rows)
 * and keeps that plan, where for a value it estimated a row or two and planned every poll
 * afresh; the packages are chosen by `= any(<the page's subjects>)`, index scans both ways.
 */
export function logStatement(page: 0 | typeof logPage, rowsOf: readonly string[] | undefined): string {
  const actions = page > 0 && rowsOf !== undefined ? checked(rowsOf) : null;
  return once(`log\u0000${page}\u0000${actions ? actions.join(',') : '-'}`, () => {
    const rows = actions
      ? `, fits as (select count(*) < ${page} and count(distinct subject) <= ${notificationRowsLimit} as whole from e),
        named as (select array_agg(distinct subject) as ids from e where (select whole from fits))`
      : '';
    const rowsColumn = actions ? `, (select case when (select ids from named) is not null then ${packageRowsObject((column) => `${column} = any((select ids from named)::text[])`, actions)} end) as package_rows` : '';
    return `with e as (select * from audit_log where seq > ${actions ? '(select $1::bigint)' : '$1'} order by seq limit ${page})${rows}
      select
        (select max(seq) from audit_log) as size,
        (select md5(coalesce(string_agg(id || chr(31) || display_name, chr(30) order by id), '')) from users) as names_key,
        (select coalesce(json_agg(e order by e.seq), '[]'::json) from e) as entries,
        (select last_read_seq from notification_reads where user_id = $2) as read_seq${rowsColumn}`;
  });
}

/**
 * The package rows of named packages, $1 the one package (`= $1`, the usual case of a poll: the
 * generic plan estimates what a plan for the value does) or a text array of them (`= any($1)`).
 */
export function packageRowsStatement(one: boolean, asked: readonly string[]): string {
  const actions = checked(asked);
  return once(`rows\u0000${one}\u0000${actions.join(',')}`, () => `select ${packageRowsObject((column) => (one ? `${column} = $1` : `${column} = any($1::text[])`), actions)} as package_rows`);
}

/** The largest value of audit_log.seq (an integer column): no entry comes after it. */
const pastEverySeq = 2 ** 31 - 1;

/**
 * A poll's log statements, warmed on each pool connection (pg-prepared.ts, decision record
 * 0222): the one with the named packages' rows plans at about 1.1 ms, each of its first five
 * executions on a connection. The values read nothing (no entry after the largest seq, no
 * reader), and plan as a poll's do: the seq is read by an InitPlan in the statement with rows,
 * and a poll's seq is the log's last, past which PostgreSQL estimates a row or two either way.
 */
export const pollStatementsToWarm: readonly { text: string; values: readonly unknown[] }[] = [
  // A poll asks the named packages' rows without their entries, which it keeps (decision record 0241).
  { text: logStatement(logPage, []), values: [pastEverySeq, null] },
  { text: logStatement(logPage, undefined), values: [pastEverySeq, null] },
];
