import { DatabaseSync, type SQLInputValue, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

// Kysely's SQLite dialect speaks the better-sqlite3 interface; node:sqlite is close but
// takes spread parameters and has no `reader` flag. This adapter is the difference.

function toInput(value: unknown): SQLInputValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as SQLInputValue;
}

// Kysely prepares every query it runs; compiling the same SQL again on every request was a
// tenth of a package read's time under load. Statements are kept by their SQL text (the
// app's queries are a fixed set, the parameters vary), the least recently used dropped past
// the bound. Reuse is safe: node:sqlite runs a statement to completion inside all() and
// run(), and an iterate() gets a statement of its own, since it stays open across calls.
const cachedStatements = 500;

/**
 * A number that changes whenever the database may have changed: on every statement of this
 * connection other than a SELECT (a write, or begin/commit/rollback; but a quiet write, whose
 * caller drops what it changed from the caches itself), and whenever another
 * connection (another process, a test tampering with the file) committed since the last look,
 * which SQLite's `PRAGMA data_version` tells. Equal numbers mean nothing was written in between,
 * so a value read at one stamp is still the database's value at the other (coherent-cache.ts).
 */
export interface ChangeClock {
  stamp(): number;
}

/** A read in SQL written by hand, through the same prepared statements as Kysely's queries. */
export type SqliteRead = (sql: string, parameters: readonly SQLInputValue[]) => Record<string, SQLOutputValue>[];

/**
 * A write that does not move the change clock: its caller drops what it changed from every cache
 * itself. Only for a write whose rows no kept answer is made of (a session's use record: 0202),
 * never inside a transaction (it runs on the connection as it is). One that changes rows besides
 * its own (a trigger's) moves the clock after all.
 */
export type SqliteQuietWrite = (sql: string, parameters: readonly SQLInputValue[]) => void;

/**
 * The only tables a quiet write may change: no kept answer is made of them. A closed list, so a
 * quiet write cannot be pointed at a version, decision or assignment by mistake and leave a cache
 * serving what the database no longer holds.
 */
const quietlyWrittenTables = new Set(['sessions']);
const updatedTable = /^\s*update\s+"?(\w+)"?\s+set\b/i;

function adapt(db: DatabaseSync, onWrite: () => void): { database: SqliteDatabase; read: SqliteRead; quietWrite: SqliteQuietWrite } {
  const statements = new Map<string, { statement: StatementSync; reader: boolean; writes: boolean }>();
  const prepared = (sql: string) => {
    const found = statements.get(sql);
    if (found) {
      statements.delete(sql);
      statements.set(sql, found);
      return found;
    }
    const statement = db.prepare(sql);
    const fresh = { statement, reader: statement.columns().length > 0, writes: !/^\s*select\b/i.test(sql) };
    statements.set(sql, fresh);
    if (statements.size > cachedStatements) statements.delete(statements.keys().next().value ?? sql);
    return fresh;
  };
  const database: SqliteDatabase = {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const { statement, reader, writes } = prepared(sql);
      // Every statement but a SELECT moves the change clock (begin, commit and rollback too).
      const count = () => {
        if (writes) onWrite();
      };
      return {
        reader,
        all: (parameters) => (count(), statement.all(...parameters.map(toInput))),
        run: (parameters) => (count(), statement.run(...parameters.map(toInput))),
        iterate: (parameters) => (count(), db.prepare(sql).iterate(...parameters.map(toInput))),
      };
    },
  };
  const totalChanges = () => Number(prepared('select total_changes() as n').statement.get()?.['n'] ?? 0);
  const read: SqliteRead = (sql, parameters) => {
    const { statement, writes } = prepared(sql);
    if (writes) throw new Error(`Not a read: ${sql}`);
    return statement.all(...parameters);
  };
  const quietWrite: SqliteQuietWrite = (sql, parameters) => {
    const { statement, writes, reader } = prepared(sql);
    if (!writes || reader) throw new Error(`Not a plain write: ${sql}`);
    const table = updatedTable.exec(sql)?.[1]?.toLowerCase();
    if (table === undefined || !quietlyWrittenTables.has(table)) throw new Error(`Not a quiet table's update: ${sql}`);
    // Inside a transaction it would commit or roll back with writes the clock must see.
    if (db.isTransaction) throw new Error('A quiet write inside a transaction');
    // `changes` counts the statement's own rows; `total_changes()` counts trigger programs' rows
    // too. A difference means a trigger wrote elsewhere (someone with the database added one to
    // make a use record rewrite a version): that is a write the clock must see (fourth review M1).
    const before = totalChanges();
    const { changes } = statement.run(...parameters);
    if (totalChanges() - before !== Number(changes)) onWrite();
  };
  return { database, read, quietWrite };
}

/** Opens the file with durable settings: WAL, and a full fsync on every commit. */
/**
 * Opens the database at `path`. With `image` (a `serialize()` of another database, for ':memory:'),
 * the connection starts as a copy of it, before any statement is prepared (deserialize finalizes them).
 */
export function openSqlite(path: string, options: { image?: Uint8Array } = {}): { dialect: SqliteDialect; raw: DatabaseSync; changes: ChangeClock; read: SqliteRead; quietWrite: SqliteQuietWrite } {
  const raw = new DatabaseSync(path);
  if (options.image) raw.deserialize(options.image);
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  let generation = 0;
  const dataVersion = raw.prepare('PRAGMA data_version');
  let lastDataVersion = dataVersion.get()?.data_version;
  // Asking SQLite costs microseconds (it looks at the WAL index), and a package read would ask
  // five times: asked once per callback of the event loop (a request's reads run in one, the
  // database being synchronous) and again after it. Another connection's commit is seen from
  // the next I/O event on; nothing received after that commit can be served from before it.
  // This connection's own writes move the clock at once, whenever they run.
  let askedThisTurn = false;
  const changes: ChangeClock = {
    stamp() {
      if (!askedThisTurn) {
        askedThisTurn = true;
        process.nextTick(() => (askedThisTurn = false));
        const seen = dataVersion.get()?.data_version;
        if (seen !== lastDataVersion) {
          lastDataVersion = seen;
          generation += 1;
        }
      }
      return generation;
    },
  };
  const { database, read, quietWrite } = adapt(raw, () => (generation += 1));
  return { dialect: new SqliteDialect({ database }), raw, changes, read, quietWrite };
}
