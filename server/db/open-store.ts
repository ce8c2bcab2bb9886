import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../../domain/api/store.ts';
import { createKyselyStore } from './kysely-store.ts';
import { migrate } from './migrate.ts';
import { openSqlite } from './node-sqlite-dialect.ts';
import type { Database } from './schema.ts';

export interface StoreLocation {
  /** PostgreSQL connection string; when absent, SQLite under dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

export function sqliteFile(dataDir: string): string {
  return join(resolve(dataDir), 'model-approval.sqlite');
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 10 });
    // An idle connection closed by the server (a restart, a failover, an administrator)
    // is reported here; without a listener it would crash the process. The pool replaces
    // it on the next query, and a query during an outage fails as that request's error.
    pool.on('error', (error) => {
      console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db, 'postgres');
    return createKyselyStore(db, 'postgres');
  }
  mkdirSync(resolve(location.dataDir), { recursive: true });
  const { dialect } = openSqlite(sqliteFile(location.dataDir));
  const db = new Kysely<Database>({ dialect });
  await migrate(db, 'sqlite');
  return createKyselyStore(db, 'sqlite');
}
