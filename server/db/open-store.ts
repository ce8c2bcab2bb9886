import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { Store } from '#api/store/store.ts';
import { createKyselyStore } from './kysely-store.ts';
import { migrate } from './migrate.ts';
import { openPostgresPool } from './pg-pool.ts';
import { preparedDefaults, preparedStatementPool } from './pg-prepared.ts';
import { readJsonColumnsWithParseJson } from './pg-json-columns.ts';
import { pollStatementsToWarm } from './queries/notification-statements.ts';
import { openSqlite } from './node-sqlite-dialect.ts';
import type { Database } from './schema/schema.ts';

export interface StoreLocation {
  /** PostgreSQL connection string; when absent, SQLite under dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/**
 * Bounds on waiting for PostgreSQL, so a request during an outage fails fast (503, see
 * unavailable-error.ts) instead of hanging: a new connection gets 5 s, a statement 30 s on
 * the server, and the client gives up 5 s after that if the server stopped answering
 * without closing the socket (a network partition). The pool replaces broken connections
 * by itself, so the same process recovers once the database is back.
 */
const outageBounds = { connectionTimeoutMillis: 5_000, statement_timeout: 30_000, query_timeout: 35_000, keepAlive: true } as const;

export function sqliteFile(dataDir: string): string {
  return join(resolve(dataDir), 'model-approval.sqlite');
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) {
    readJsonColumnsWithParseJson();
    // Idle connections the server ends (a restart, a failover) are logged, never uncaught (pg-pool.ts).
    const pool = openPostgresPool({ connectionString: location.databaseUrl, max: 10, ...outageBounds });
    // The migrations run unprepared: a statement prepared before a later migration changes its
    // table would fail after it (pg-prepared.ts); the store's hot statements are prepared.
    const migrating = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrate(migrating, 'postgres');
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool, { ...preparedDefaults, warm: pollStatementsToWarm }) }) });
    return createKyselyStore(db, 'postgres');
  }
  mkdirSync(resolve(location.dataDir), { recursive: true });
  const { dialect, changes, read, quietWrite } = openSqlite(sqliteFile(location.dataDir));
  const db = new Kysely<Database>({ dialect });
  await migrate(db, 'sqlite');
  return createKyselyStore(db, 'sqlite', { changes, read, quietWrite });
}

/**
 * A fresh database in memory, on the same SQLite engine, migrations and queries as the
 * server: what the MSW mocks run on, so no store is written twice.
 *
 * The migrations run once per process, on the first one; every later one starts as a copy of
 * that migrated database (serialize/deserialize, a memory copy) and migrate() finds nothing
 * left to do. The unit tests open hundreds of these (decision 0124).
 */
export async function openMemoryStore(): Promise<Store> {
  const image = await (migratedMemoryImage ??= migrateMemoryImage());
  const { dialect, changes, read, quietWrite } = openSqlite(':memory:', { image });
  const db = new Kysely<Database>({ dialect });
  await migrate(db, 'sqlite');
  return createKyselyStore(db, 'sqlite', { changes, read, quietWrite });
}

let migratedMemoryImage: Promise<Uint8Array> | undefined;

async function migrateMemoryImage(): Promise<Uint8Array> {
  const { dialect, raw } = openSqlite(':memory:');
  const db = new Kysely<Database>({ dialect });
  try {
    await migrate(db, 'sqlite');
    return raw.serialize();
  } finally {
    await db.destroy();
  }
}
