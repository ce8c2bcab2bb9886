import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { seedDemo } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { openStore } from '#server/db/open-store.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';
import type { Store } from '#api/store/store.ts';
import type { VersionHeadFacts } from '#api/store/packages.ts';

// Issue 24: on PostgreSQL the package-read path's lookups are batched per turn of the event
// loop (server/db/pg-batched-reads.ts) and kept under the database snapshot's text (0208; the
// instances' own HTTP view: pg-snapshot-reads.test.ts). Two API instances on one database: a
// session ended on one is gone on the other at its next request, and the batched reads answer
// what a transaction reads, row for row, many requests at once included.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function twoInstances() {
  const database = await createTestDatabase(inject('databaseUrl'));
  cleanups.push(() => database.drop());
  const dataDir = mkdtempSync(join(tmpdir(), 'pg-batched-'));
  cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
  const one = await openStore({ dataDir, databaseUrl: database.url });
  cleanups.push(() => one.close());
  await seedDemo(one, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  const two = await openStore({ dataDir, databaseUrl: database.url });
  cleanups.push(() => two.close());
  return { one, two, url: database.url };
}

const sessionOf = (userId: string, tokenHash: string) => ({ tokenHash, userId, createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 3_600_000).toISOString(), lastSeenAt: null, steppedUpAt: null });

describe('batched hot reads on PostgreSQL', () => {
  it('sees a session ended on another instance at the next read', async () => {
    const { one, two } = await twoInstances();
    const [user] = await one.listUsers();
    if (!user) throw new Error('the demo has users');
    await one.insertSession(sessionOf(user.id, 'b'.repeat(64)));
    const many = await Promise.all(Array.from({ length: 20 }, () => one.findSession('b'.repeat(64))));
    expect(many.every((s) => s?.userId === user.id)).toBe(true);
    await two.deleteSession('b'.repeat(64));
    expect(await one.findSession('b'.repeat(64))).toBeNull();
  });

  it('reads the session’s user with the session, as fresh as its own query: a user disabled on another instance is disabled at the next request, whatever was kept', async () => {
    const { one, two } = await twoInstances();
    const [user] = await one.listUsers();
    if (!user) throw new Error('the demo has users');
    const hash = 'c'.repeat(64);
    await one.insertSession(sessionOf(user.id, hash));
    // As authentication asks: the session, then at once its user (taken from the same statement).
    const authenticate = async () => {
      const session = await one.findSession(hash);
      return session ? one.findUserById(session.userId) : null;
    };
    const users = await Promise.all(Array.from({ length: 20 }, authenticate));
    expect(users.every((u) => u?.id === user.id && u.disabledAt === null)).toBe(true);
    expect(users[0]).toEqual(await two.transaction((tx) => tx.findUserById(user.id)));
    const at = new Date().toISOString();
    await two.transaction((tx) => tx.setUserDisabled(user.id, at));
    expect((await authenticate())?.disabledAt).toBe(at);
    // A lookup of the user in a later task, without its session, reads afresh as well.
    await two.transaction((tx) => tx.setUserDisabled(user.id, null));
    expect((await one.findUserById(user.id))?.disabledAt).toBeNull();
  });

  it('reads the session in the clock’s statement and still shows a session or user changed by another writer at the next lookup, kept or not (0225)', async () => {
    const { one, two, url } = await twoInstances();
    const [user] = await one.listUsers();
    if (!user) throw new Error('the demo has users');
    const [kept, other, later, absent] = ['d', 'e', 'f', '0'].map((c) => c.repeat(64)) as [string, string, string, string];
    await one.insertSession(sessionOf(user.id, kept));
    await one.insertSession(sessionOf(user.id, other));
    const authenticate = async (hash: string) => {
      const session = await one.findSession(hash);
      return { session, user: session ? await one.findUserById(session.userId) : null };
    };
    // Read twice, nothing written between: both sessions kept at the stamp the second read asks.
    await Promise.all([authenticate(kept), authenticate(other)]);
    const unchanged = await Promise.all([authenticate(kept), authenticate(other)]);
    expect(unchanged.map((a) => a.session)).toEqual(await two.transaction((tx) => Promise.all([tx.findSession(kept), tx.findSession(other)])));
    expect(unchanged.every((a) => a.user?.id === user.id)).toBe(true);

    // A separate connection, no instance of ours: the session stepped up, the user renamed.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanups.push(() => admin.end());
    const steppedUpAt = new Date(Date.now() + 1_000).toISOString();
    await admin.query('update sessions set stepped_up_at = $2 where token_hash = $1', [kept, steppedUpAt]);
    await admin.query(`update users set display_name = 'Renamed behind the server' where id = $1`, [user.id]);
    const changed = await authenticate(kept);
    expect(changed.session?.steppedUpAt).toBe(steppedUpAt);
    expect(changed.user?.displayName).toBe('Renamed behind the server');

    // Kept, new (inserted through the other instance) and absent sessions asked in one turn.
    await two.insertSession(sessionOf(user.id, later));
    const mixed = await Promise.all([kept, other, later, absent].map((hash) => one.findSession(hash)));
    expect(mixed).toEqual(await two.transaction((tx) => Promise.all([kept, other, later, absent].map((hash) => tx.findSession(hash)))));
    expect(mixed.map((s) => s?.tokenHash ?? null)).toEqual([kept, other, later, null]);

    // Deleted behind the server after being kept: gone at the next lookup, the others stand.
    await admin.query('delete from sessions where token_hash = $1', [kept]);
    expect(await Promise.all([one.findSession(kept), one.findSession(other)])).toEqual([null, mixed[1]]);
  });

  it('refuses only the callers of a session whose user row does not parse, not the others sharing the clock’s statement (review of 0225)', async () => {
    const { one, url } = await twoInstances();
    const [healthy, damaged] = await one.listUsers();
    const [pkg] = await one.listPackages();
    if (!healthy || !damaged || !pkg) throw new Error('the demo has users and packages');
    const [good, bad] = ['a', 'b'].map((c) => c.repeat(64)) as [string, string];
    await one.insertSession(sessionOf(healthy.id, good));
    await one.insertSession(sessionOf(damaged.id, bad));
    await Promise.all([one.findSession(good), one.findSession(bad)]);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanups.push(() => admin.end());
    await admin.query(`update users set roles = 'not json' where id = $1`, [damaged.id]);

    // One turn: the same clock statement answers all three.
    const [goodRead, badRead, pkgRead] = await Promise.allSettled([one.findSession(good), one.findSession(bad), one.findPackage(pkg.id)]);
    expect(goodRead).toMatchObject({ status: 'fulfilled', value: { tokenHash: good } });
    expect(badRead.status).toBe('rejected');
    expect(pkgRead).toMatchObject({ status: 'fulfilled', value: { id: pkg.id } });

    // Never kept: mended, it reads again at once.
    await admin.query(`update users set roles = '[]' where id = $1`, [damaged.id]);
    expect(await one.findSession(bad)).toMatchObject({ tokenHash: bad });
  });

  it('answers many requests at once as a transaction reads each one', async () => {
    const { one } = await twoInstances();
    const packages = await one.listPackages();
    const keys = (await one.listVersionFacts('all')).map((v) => [v.packageId, v.number] as const);
    expect(keys.length).toBeGreaterThan(1);
    const batched = await Promise.all(keys.map(async ([id, n]) => ({ pkg: await one.findPackage(id), version: await one.findVersion(id, n), answers: await one.listVersionAnswers(id, n), evaluations: await one.listPolicyEvaluations([id]) })));
    const direct = await one.transaction(async (tx) => {
      const out = [];
      for (const [id, n] of keys) out.push({ pkg: await tx.findPackage(id), version: await tx.findVersion(id, n), answers: await tx.listVersionAnswers(id, n), evaluations: await tx.listPolicyEvaluations([id]) });
      return out;
    });
    expect(batched).toEqual(direct);
    expect(await Promise.all([one.findPackage('pkg_none'), one.findVersion(packages[0]?.id ?? '', 99), one.findUserById('usr_none')])).toEqual([null, null, null]);
  });

  it('asks for a batch of versions as two arrays: keys with quotes, commas, braces and backslashes are keys like any other', async () => {
    const { one } = await twoInstances();
    const [first] = await one.listVersionFacts('all');
    if (!first) throw new Error('the demo has versions');
    const odd = ['a,b', 'q"uote', '{brace}', 'back\\slash', 'NULL', ''];
    const [found, answers, ...missing] = await Promise.all([one.findVersion(first.packageId, first.number), one.listVersionAnswers(first.packageId, first.number), ...odd.map((id) => one.findVersion(id, 1)), ...odd.map((id) => one.listVersionAnswers(id, 1))]);
    expect(found?.packageId).toBe(first.packageId);
    expect(answers).toEqual(await one.transaction((tx) => tx.listVersionAnswers(first.packageId, first.number)));
    expect(missing).toEqual([...odd.map(() => null), ...odd.map(() => [])]);
  });

  it('reads version content from the database every time: content changed behind the server shows at once', async () => {
    const { one, url } = await twoInstances();
    const [first] = await one.listVersionFacts('all');
    if (!first) throw new Error('the demo has versions');
    const before = await one.findVersion(first.packageId, first.number);
    // Read again unchanged: the content kept with its row version (pg-version-rows.ts), each read its own object.
    const again = await one.findVersion(first.packageId, first.number);
    expect(again).toEqual(before);
    expect(again).not.toBe(before);
    // The append-only trigger refuses an UPDATE; an attacker with the database drops it first.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('alter table package_versions disable trigger user');
      await client.query(`update package_versions set canonical_content = replace(canonical_content, 'a', 'b') where package_id = $1 and number = $2`, [first.packageId, first.number]);
    } finally {
      await client.end();
    }
    const after = await one.findVersion(first.packageId, first.number);
    expect(after?.canonicalContent).not.toBe(before?.canonicalContent);
    expect(after?.contentHash).toBe(before?.contentHash);
  });

  it('serves the content of the row the database holds, never content kept under its hash: tampering and its undoing show at the next read on every instance', async () => {
    const { one, two, url } = await twoInstances();
    const [first] = await one.listVersionFacts('all');
    if (!first) throw new Error('the demo has versions');
    const read = () => Promise.all([one.findVersion(first.packageId, first.number), two.findVersion(first.packageId, first.number)]);
    const [original] = await read();
    if (!original) throw new Error('the version reads');
    await read();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('alter table package_versions disable trigger user');
      // The hash column is left as it was: a cache keyed by the hash would keep serving the original.
      await client.query(`update package_versions set canonical_content = $3 where package_id = $1 and number = $2`, [first.packageId, first.number, original.canonicalContent.replace('{', '{"tampered":true,')]);
      for (const version of await read()) {
        expect(version?.canonicalContent.startsWith('{"tampered":true,')).toBe(true);
        expect(version?.contentHash).toBe(original.contentHash);
      }
      // Put back byte for byte: a new row version again, read again.
      await client.query(`update package_versions set canonical_content = $3 where package_id = $1 and number = $2`, [first.packageId, first.number, original.canonicalContent]);
      for (const version of await read()) expect(version).toEqual(original);
    } finally {
      await client.end();
    }
  });
  it('answers the version route from one kept copy of the row the database holds: the same bytes while it stands, tampering and its undoing at the next read on every instance (0214)', async () => {
    const { one, two, url } = await twoInstances();
    const [first] = await one.listVersionFacts('all');
    if (!first) throw new Error('the demo has versions');
    const stored = await one.transaction((tx) => tx.findVersion(first.packageId, first.number));
    if (!stored) throw new Error('the version reads');
    const hashHead = (version: VersionHeadFacts) => Promise.resolve(`{"hash":${JSON.stringify(version.contentHash)},"content":`);
    const answer = (store: Store, head = hashHead) => store.versionResponses?.answer(first.packageId, first.number, head) ?? Promise.resolve(null);
    const text = (body: Awaited<ReturnType<typeof answer>>) => (body === null || typeof body === 'string' ? body : new TextDecoder().decode(body));
    const expected = (content: string) => `{"hash":${JSON.stringify(stored.contentHash)},"content":${content}}`;
    const kept = await answer(one);
    expect(text(kept)).toBe(expected(stored.canonicalContent));
    // Unchanged: the very bytes again; the store's findVersion decodes its content from them.
    expect(await answer(one)).toBe(kept);
    expect(await one.findVersion(first.packageId, first.number)).toEqual(stored);
    // Any write moves the clock; a head changed by then (a name, an answer): new bytes around the same content.
    const [user] = await one.listUsers();
    if (!user) throw new Error('the demo has users');
    await two.insertSession(sessionOf(user.id, 'd'.repeat(64)));
    const otherHead = (version: VersionHeadFacts) => Promise.resolve(`{"number":${version.number},"content":`);
    expect(text(await answer(one, otherHead))).toBe(`{"number":${first.number},"content":${stored.canonicalContent}}`);
    await answer(two);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('alter table package_versions disable trigger user');
      // The hash column is left as it was: a cache keyed by the hash would keep serving the original.
      const tampered = stored.canonicalContent.replace('{', '{"tampered":true,');
      await client.query(`update package_versions set canonical_content = $3 where package_id = $1 and number = $2`, [first.packageId, first.number, tampered]);
      for (const store of [one, two]) {
        expect(text(await answer(store))).toBe(expected(tampered));
        expect((await store.findVersion(first.packageId, first.number))?.canonicalContent).toBe(tampered);
      }
      await client.query(`update package_versions set canonical_content = $3 where package_id = $1 and number = $2`, [first.packageId, first.number, stored.canonicalContent]);
      for (const store of [one, two]) expect(text(await answer(store))).toBe(expected(stored.canonicalContent));
    } finally {
      await client.end();
    }
  });
});
