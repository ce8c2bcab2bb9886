// Every contract scenario and many integration tests start from a freshly migrated database.
// Running the migrations costs 100-250 ms a time on two cores, hundreds of times a run; the
// outcome is the same each time. So the global setup migrates one database per engine once,
// and each test copies it: PostgreSQL with CREATE DATABASE … TEMPLATE, SQLite by copying the
// file. The store opened on the copy still runs migrate(), which finds nothing left to do;
// migrating an empty database is still proved, here, once per run (decision 0127).
// The templates are made by tests/setup/postgres-global-setup.ts.
import { copyFileSync } from 'node:fs';
import { inject } from 'vitest';
import { sqliteFile } from '#server/db/open-store.ts';
import { createTestDatabase, type TestDatabase } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database in the cluster at databaseUrl with every migration run; copy it, never connect to it. */
    migratedPostgresTemplate: string;
    /** A SQLite file with every migration run; copy it, never open it. */
    migratedSqliteFile: string;
  }
}

/** A fresh PostgreSQL database with every migration run, in the run's cluster. */
export function createMigratedTestDatabase(adminUrl: string = inject('databaseUrl')): Promise<TestDatabase> {
  return createTestDatabase(adminUrl, { template: inject('migratedPostgresTemplate') });
}

/** Puts a migrated SQLite database where openStore({ dataDir }) will open it. */
export function copyMigratedSqlite(dataDir: string): void {
  copyFileSync(inject('migratedSqliteFile'), sqliteFile(dataDir));
}
