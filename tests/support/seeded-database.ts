import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { inject } from 'vitest';
import { seedDemo } from '#demo/seed-demo.ts';
import type { Store } from '#api/store/store.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import type { Engine } from '#server/db/schema/engine.ts';
import { createKyselyStore } from '#server/db/kysely-store.ts';
import { migrate } from '#server/db/migrate.ts';
import { openSqlite } from '#server/db/node-sqlite-dialect.ts';
import { openPostgresPool } from '#server/db/pg-pool.ts';
import { sqliteFile } from '#server/db/open-store.ts';
import type { Database } from '#server/db/schema/schema.ts';
import type { Defer } from './cleanups.ts';
import { copyMigratedSqlite, createMigratedTestDatabase } from './migrated-templates.ts';

/**
 * A fresh database on either engine, migrated and seeded with the demo data, and the raw
 * Kysely handle beside its store: for tests of what the database itself refuses, whoever asks.
 * `connections`: PostgreSQL's pool size (writers racing each need one).
 */
export async function seededDatabase(engine: Engine, defer: Defer, { connections = 2 }: { connections?: number } = {}): Promise<{ db: Kysely<Database>; store: Store }> {
  let db: Kysely<Database>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'seeded-database-'));
    defer(() => rmSync(dir, { recursive: true, force: true }));
    copyMigratedSqlite(dir);
    db = new Kysely<Database>({ dialect: openSqlite(sqliteFile(dir)).dialect });
  } else {
    const database = await createMigratedTestDatabase(inject('databaseUrl'));
    defer(() => database.drop());
    // Its end() waits for the sockets, so the forced drop deferred before it ends none of them.
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPostgresPool({ connectionString: database.url, max: connections }) }) });
  }
  defer(() => db.destroy());
  await migrate(db, engine);
  const store = createKyselyStore(db, engine);
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  return { db, store };
}
