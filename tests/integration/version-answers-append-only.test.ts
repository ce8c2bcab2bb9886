import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../domain/api/seed-demo.ts';
import { cheapPasswords } from '../../mocks/cheap-passwords.ts';
import { createKyselyStore } from '../../server/db/kysely-store.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openSqlite } from '../../server/db/node-sqlite-dialect.ts';
import type { Engine } from '../../server/db/engine.ts';
import type { Database } from '../../server/db/schema.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';

// A resubmission's answers are as immutable as its version: the database itself refuses to
// change or remove them, whoever asks, on both engines.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function seeded(engine: Engine): Promise<Kysely<Database>> {
  let db: Kysely<Database>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'answers-append-only-'));
    cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
    db = new Kysely<Database>({ dialect: openSqlite(join(dir, 'db.sqlite')).dialect });
  } else {
    const database = await createTestDatabase(inject('databaseUrl'));
    cleanups.push(() => database.drop());
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
  }
  cleanups.push(() => db.destroy());
  await migrate(db, engine);
  const store = createKyselyStore(db, engine);
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  return db;
}

describe.each(['sqlite', 'postgres'] as const)('version answers on %s', (engine) => {
  it('refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL); the seeded answer stays as written', async () => {
    const db = await seeded(engine);
    const before = await db.selectFrom('version_answers').selectAll().execute();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ package_id: 'pkg_retail_credit_pd', version_number: 2, position: 0 });

    await expect(db.updateTable('version_answers').set({ answer: 'Rewritten after the fact.' }).execute()).rejects.toThrow(/version_answers is append-only: UPDATE refused/);
    await expect(db.deleteFrom('version_answers').execute()).rejects.toThrow(/version_answers is append-only: DELETE refused/);
    if (engine === 'postgres') await expect(sql`truncate version_answers`.execute(db)).rejects.toThrow(/append-only: TRUNCATE refused/);

    expect(await db.selectFrom('version_answers').selectAll().execute()).toEqual(before);
  });

  it('refuse a second answer to the same target of a version, and an answer to no version', async () => {
    const db = await seeded(engine);
    const [row] = await db.selectFrom('version_answers').selectAll().execute();
    if (!row) throw new Error('the demo seeds one answer');
    await expect(db.insertInto('version_answers').values({ ...row, position: 1 }).execute()).rejects.toThrow(/unique|duplicate/i);
    await expect(db.insertInto('version_answers').values({ ...row, version_number: 9 }).execute()).rejects.toThrow(/foreign key/i);
  });
});
