import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// SQLite only (docs/decisions/0221): every change to a row a version answer is made of (the
// version, its concern answers, its policy checks, its submitter's name and title) appends the
// version's key, or the user's id, to answer_row_changes, in the same statement as the change,
// so the server drops only the kept answers whose rows changed after one of its own writes. It
// trusts the log only while these triggers are in the schema exactly as written here
// (server/db/answer-row-changes.ts); another connection's commit still empties everything kept.
// Past 4,096 entries the oldest are dropped; a reader that far behind starts over.
// The statements' text must not change: the server compares the stored schema with it.

const log = 'answer_row_changes';

/** Per tracked table, the logged values of a row (`r` stands for new. or old.). */
const tracked: readonly { table: string; values: (r: string) => string; update?: string }[] = [
  { table: 'package_versions', values: (r) => `(${r}package_id, ${r}number, null)` },
  { table: 'version_answers', values: (r) => `(${r}package_id, ${r}version_number, null)` },
  { table: 'policy_evaluations', values: (r) => `(${r}package_id, ${r}version, null)` },
  { table: 'policy_reevaluations', values: (r) => `(${r}package_id, ${r}version, null)` },
  // An answer shows its submitter's name and title only (api/package-access/views.ts, toActor).
  { table: 'users', values: (r) => `(null, null, ${r}id)`, update: 'old.id is not new.id or old.display_name is not new.display_name or old.title is not new.title' },
];

/** The triggers by name, with the exact text SQLite keeps in sqlite_master. */
export const answerRowTriggers: ReadonlyMap<string, string> = new Map(
  tracked.flatMap(({ table, values, update }) => {
    const insert = `INSERT INTO ${log} (package_id, version, user_id) VALUES`;
    return [
      [`${log}_${table}_insert`, `CREATE TRIGGER ${log}_${table}_insert AFTER INSERT ON ${table} BEGIN ${insert} ${values('new.')}; END`],
      [`${log}_${table}_update`, `CREATE TRIGGER ${log}_${table}_update AFTER UPDATE ON ${table}${update ? ` WHEN ${update}` : ''} BEGIN ${insert} ${values('old.')}, ${values('new.')}; END`],
      [`${log}_${table}_delete`, `CREATE TRIGGER ${log}_${table}_delete AFTER DELETE ON ${table} BEGIN ${insert} ${values('old.')}; END`],
      ...(table === 'package_versions' ? [[`${log}_pruned`, `CREATE TRIGGER ${log}_pruned AFTER INSERT ON ${log} WHEN new.seq % 1024 = 0 BEGIN DELETE FROM ${log} WHERE seq <= new.seq - 4096; END`] as const] : []),
    ] as const;
  }),
);

export const answerRowLog = log;
/** The log's table, as SQLite keeps its text. AUTOINCREMENT: a sequence number is never given twice, not even after the newest row is dropped. */
export const answerRowLogTable = `CREATE TABLE ${log} (seq INTEGER PRIMARY KEY AUTOINCREMENT, package_id TEXT, version INTEGER, user_id TEXT)`;

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'sqlite') return;
  await sql.raw(answerRowLogTable).execute(db);
  for (const statement of answerRowTriggers.values()) await sql.raw(statement).execute(db);
}
