import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '#tests/support/cleanups.ts';
import { demoStoreOnFile } from '#tests/support/demo-store-on-file.ts';
import { sqliteFile } from './open-store.ts';

// Sessions, users, packages, answers and policy evaluations are kept in memory on SQLite until the database
// changes: a change by this process shows at once, one by another connection from the next
// turn of the event loop, and the kept rows are the same objects (so they are not re-read).

const defer = cleanUpAfterEach();

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function seeded() {
  const { store, dataDir } = await demoStoreOnFile(defer, 'coherent-cache-');
  const [user] = await store.listUsers();
  if (!user) throw new Error('the demo has users');
  const session = { tokenHash: 'a'.repeat(64), userId: user.id, createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 3_600_000).toISOString(), lastSeenAt: null, steppedUpAt: null };
  await store.insertSession(session);
  const other = new DatabaseSync(sqliteFile(dataDir));
  defer(() => other.close());
  return { store, user, session, other };
}

describe('coherent cache on SQLite', () => {
  it('keeps a read row until something is written', async () => {
    const { store, user, session } = await seeded();
    const first = await store.findUserById(user.id);
    expect(first).toEqual(user);
    expect(await store.findUserById(user.id)).toBe(first);
    expect(await store.findSession(session.tokenHash)).toBe(await store.findSession(session.tokenHash));
    expect(() => {
      (first?.roles as string[]).push('admin');
    }).toThrow(TypeError);
  });

  it('ends a session at once when this process deletes it (log-out)', async () => {
    const { store, session } = await seeded();
    expect(await store.findSession(session.tokenHash)).toEqual(session);
    await store.deleteSession(session.tokenHash);
    expect(await store.findSession(session.tokenHash)).toBeNull();
  });

  it('reads again after a write inside a transaction, even one rolled back', async () => {
    const { store, session } = await seeded();
    expect(await store.findSession(session.tokenHash)).toEqual(session);
    await store.transaction((tx) => tx.deleteSession(session.tokenHash));
    expect(await store.findSession(session.tokenHash)).toBeNull();

    await store.insertSession(session);
    expect(await store.findSession(session.tokenHash)).toEqual(session);
    await expect(
      store.transaction(async (tx) => {
        await tx.deleteSession(session.tokenHash);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.findSession(session.tokenHash)).toEqual(session);
  });

  it('sees a change committed by another connection from the next turn on', async () => {
    const { store, user, session, other } = await seeded();
    const [pkg] = await store.listPackages();
    if (!pkg) throw new Error('the demo has packages');
    expect((await store.findUserById(user.id))?.roles).toEqual(user.roles);
    expect(await store.findPackage(pkg.id)).toEqual(pkg);
    expect(await store.findSession(session.tokenHash)).toEqual(session);

    other.prepare('UPDATE users SET roles = ? WHERE id = ?').run(JSON.stringify(['admin']), user.id);
    other.prepare('UPDATE packages SET model_name = ? WHERE id = ?').run('Renamed behind the server', pkg.id);
    other.prepare('DELETE FROM sessions WHERE token_hash = ?').run(session.tokenHash);
    await nextTurn();

    expect((await store.findUserById(user.id))?.roles).toEqual(['admin']);
    expect((await store.findPackage(pkg.id))?.modelName).toBe('Renamed behind the server');
    expect(await store.findSession(session.tokenHash)).toBeNull();
  });

  it('keeps the answers and policy evaluations of a package as the store reads them, until another connection changes them', async () => {
    const { store, other } = await seeded();
    const packages = await store.listPackages();
    const evaluated = (await store.listPolicyEvaluations(packages.map((p) => p.id)))[0];
    if (!evaluated) throw new Error('the demo has a policy evaluation');
    const read = await store.listPolicyEvaluations([evaluated.packageId]);
    expect(await store.listPolicyEvaluations([evaluated.packageId])).toBe(read);
    expect(read).toEqual(await store.transaction((tx) => tx.listPolicyEvaluations([evaluated.packageId])));
    for (const pkg of packages) {
      for (let n = 1; n <= 3; n++) expect(await store.listVersionAnswers(pkg.id, n)).toEqual(await store.transaction((tx) => tx.listVersionAnswers(pkg.id, n)));
    }

    other.exec('DROP TRIGGER IF EXISTS policy_evaluations_no_delete');
    other.prepare('DELETE FROM policy_evaluations WHERE package_id = ?').run(evaluated.packageId);
    await nextTurn();
    expect(await store.listPolicyEvaluations([evaluated.packageId])).toEqual([]);
  });

  it('reads a version as a transaction does, and its content always from the table', async () => {
    const { store, other } = await seeded();
    const [pkg] = await store.listPackages();
    if (!pkg) throw new Error('the demo has packages');
    const version = await store.findVersion(pkg.id, 1);
    expect(version).toEqual(await store.transaction((tx) => tx.findVersion(pkg.id, 1)));
    expect(version?.canonicalContent.length).toBeGreaterThan(100);
    expect(await store.findVersion(pkg.id, 999)).toBeNull();

    // What the signing spec does to prove a tampered version shows INVALID: seen at once.
    other.exec('DROP TRIGGER IF EXISTS package_versions_no_update');
    other.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = 1').run('{"tampered":true}', pkg.id);
    expect((await store.findVersion(pkg.id, 1))?.canonicalContent).toBe('{"tampered":true}');
  });
});
