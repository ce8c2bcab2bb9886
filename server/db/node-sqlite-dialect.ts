import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
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

function adapt(db: DatabaseSync): SqliteDatabase {
  const statements = new Map<string, { statement: StatementSync; reader: boolean }>();
  const prepared = (sql: string) => {
    const found = statements.get(sql);
    if (found) {
      statements.delete(sql);
      statements.set(sql, found);
      return found;
    }
    const statement = db.prepare(sql);
    const fresh = { statement, reader: statement.columns().length > 0 };
    statements.set(sql, fresh);
    if (statements.size > cachedStatements) statements.delete(statements.keys().next().value ?? sql);
    return fresh;
  };
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const { statement, reader } = prepared(sql);
      return {
        reader,
        all: (parameters) => statement.all(...parameters.map(toInput)),
        run: (parameters) => statement.run(...parameters.map(toInput)),
        iterate: (parameters) => db.prepare(sql).iterate(...parameters.map(toInput)),
      };
    },
  };
}

/** Opens the file with durable settings: WAL, and a full fsync on every commit. */
export function openSqlite(path: string): { dialect: SqliteDialect; raw: DatabaseSync } {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  return { dialect: new SqliteDialect({ database: adapt(raw) }), raw };
}
