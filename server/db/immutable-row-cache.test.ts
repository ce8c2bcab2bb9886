import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '#tests/support/cleanups.ts';
import { demoStoreOnFile } from '#tests/support/demo-store-on-file.ts';
import { sqliteFile } from './open-store.ts';

// The SQLite store's cached reads must answer as the tables do: new rows appear, and a
// decision changed in the database behind the server's back is read as it now is.

const defer = cleanUpAfterEach();

async function seeded() {
  const { store, dataDir } = await demoStoreOnFile(defer, 'row-cache-');
  const db = new DatabaseSync(sqliteFile(dataDir));
  defer(() => db.close());
  return { store, db };
}

describe('cached reads on SQLite', () => {
  it('reads a decision again once its row was changed', async () => {
    const { store, db } = await seeded();
    const before = await store.listDecisions('all');
    const target = before[0];
    if (!target) throw new Error('the demo has decisions');
    db.exec('DROP TRIGGER IF EXISTS decisions_no_update');
    db.prepare('UPDATE decisions SET reason = ? WHERE id = ?').run('changed behind the server', target.id);

    const after = await store.listDecisions('all');
    expect(after.find((d) => d.id === target.id)?.reason).toBe('changed behind the server');
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    expect((await store.listDecisions([target.packageId])).find((d) => d.id === target.id)?.reason).toBe('changed behind the server');
  });

  it('lists a version added after the facts were first read', async () => {
    const { store } = await seeded();
    const [pkg] = await store.listPackages();
    if (!pkg) throw new Error('the demo has packages');
    const before = await store.listVersionFacts([pkg.id]);
    const last = await store.findVersion(pkg.id, before.length);
    if (!last) throw new Error('the package has versions');
    await store.insertVersion({ ...last, number: before.length + 1 });

    const after = await store.listVersionFacts([pkg.id]);
    expect(after.map((v) => v.number)).toEqual([...before.map((v) => v.number), before.length + 1]);
    expect((await store.listVersionFacts('all')).filter((v) => v.packageId === pkg.id)).toEqual(after);
  });
});
