// Contract and integration tests run against a real PostgreSQL: one throwaway cluster
// per run, and each test file makes its own database in it (createTestDatabase).
// Set TEST_DATABASE_URL (a superuser/CREATEDB URL) to use an existing server instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { TestProject } from 'vitest/node';
import { migrate } from '#server/db/migrate.ts';
import { openSqlite } from '#server/db/node-sqlite-dialect.ts';
import { sqliteFile } from '#server/db/open-store.ts';
import { openPostgresPool } from '#server/db/pg-pool.ts';
import type { Database } from '#server/db/schema/schema.ts';
import { createTestDatabase, startPostgresCluster } from '../support/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin connection URL; tests create their own database from it. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('databaseUrl', external);
    const templates = await provideMigratedTemplates(project, external);
    return () => templates.dispose();
  }

  const startedAt = Date.now();
  let cluster;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    // Never skip: a contract suite that silently did not run looks exactly like a green one.
    throw new Error(
      `Could not start PostgreSQL for the "${project.name}" tests. ` +
        'Install the server (apt-get install -y --no-install-recommends postgresql), set PG_BIN to its bin folder, ' +
        `or set TEST_DATABASE_URL to a server you already run.\nCause: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  console.log(`[postgres] test cluster on port ${cluster.port} ready in ${Date.now() - startedAt} ms`);
  project.provide('databaseUrl', cluster.url);
  const templates = await provideMigratedTemplates(project, cluster.url);
  return async () => {
    await templates.dispose();
    await cluster.stop();
  };
}

async function provideMigratedTemplates(project: TestProject, adminUrl: string): Promise<MigratedTemplates> {
  const startedAt = Date.now();
  const templates = await prepareMigratedTemplates(adminUrl);
  console.log(`[postgres] migrated templates for PostgreSQL and SQLite ready in ${Date.now() - startedAt} ms`);
  project.provide('migratedPostgresTemplate', templates.postgresTemplate);
  project.provide('migratedSqliteFile', templates.sqliteFile);
  return templates;
}

interface MigratedTemplates {
  postgresTemplate: string;
  sqliteFile: string;
  dispose(): Promise<void>;
}

/** The databases tests/support/migrated-templates.ts copies (decision 0127). */
async function prepareMigratedTemplates(adminUrl: string): Promise<MigratedTemplates> {
  const database = await createTestDatabase(adminUrl);
  const pool = openPostgresPool({ connectionString: database.url, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db, 'postgres');
  } finally {
    // Closes the pool: CREATE DATABASE … TEMPLATE refuses a template anyone is connected to.
    await db.destroy();
  }
  const sqliteDir = mkdtempSync(join(tmpdir(), 'migrated-sqlite-'));
  const sqlite = new Kysely<Database>({ dialect: openSqlite(sqliteFile(sqliteDir)).dialect });
  try {
    await migrate(sqlite, 'sqlite');
  } finally {
    // The last connection closing checkpoints the WAL into the file and removes it.
    await sqlite.destroy();
  }
  return {
    postgresTemplate: new URL(database.url).pathname.slice(1),
    sqliteFile: sqliteFile(sqliteDir),
    async dispose() {
      rmSync(sqliteDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
