import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { seededDatabase } from '../support/seeded-database.ts';

// A resubmission's answers are as immutable as its version: the database itself refuses to
// change or remove them, whoever asks, on both engines.

const defer = cleanUpAfterEach();

describe.each(['sqlite', 'postgres'] as const)('version answers on %s', (engine) => {
  it('refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL); the seeded answer stays as written', async () => {
    const { db } = await seededDatabase(engine, defer);
    const before = await db.selectFrom('version_answers').selectAll().execute();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ package_id: 'pkg_retail_credit_pd', version_number: 2, position: 0 });

    await expect(db.updateTable('version_answers').set({ answer: 'Rewritten after the fact.' }).execute()).rejects.toThrow(/version_answers is append-only: UPDATE refused/);
    await expect(db.deleteFrom('version_answers').execute()).rejects.toThrow(/version_answers is append-only: DELETE refused/);
    if (engine === 'postgres') await expect(sql`truncate version_answers`.execute(db)).rejects.toThrow(/append-only: TRUNCATE refused/);

    expect(await db.selectFrom('version_answers').selectAll().execute()).toEqual(before);
  });

  it('refuse a second answer to the same target of a version, and an answer to no version', async () => {
    const { db } = await seededDatabase(engine, defer);
    const [row] = await db.selectFrom('version_answers').selectAll().execute();
    if (!row) throw new Error('the demo seeds one answer');
    await expect(db.insertInto('version_answers').values({ ...row, position: 1 }).execute()).rejects.toThrow(/unique|duplicate/i);
    await expect(db.insertInto('version_answers').values({ ...row, version_number: 9 }).execute()).rejects.toThrow(/foreign key/i);
  });
});
