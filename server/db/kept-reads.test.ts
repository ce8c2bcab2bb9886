import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '#tests/support/cleanups.ts';
import { demoStoreOnFile } from '#tests/support/demo-store-on-file.ts';
import { keptVersionRead, plainVersionRead } from '#api/index.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { serverDeps } from '../deps.ts';
import { openSqlite } from './node-sqlite-dialect.ts';
import { sqliteFile } from './open-store.ts';

// The version read path's answer without waiting (docs/decisions/0202): what SQLite keeps under
// its change clock, looked up synchronously, and only when the asynchronous read would answer the
// same with nothing to read or write. Anything else is undefined, so that the read decides.

const defer = cleanUpAfterEach();

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const minute = 60_000;

async function seeded() {
  const { store, dataDir } = await demoStoreOnFile(defer, 'kept-reads-');
  let now = Date.now();
  const deps = { ...serverDeps(store, { sessionTtlHours: 12 }), now: () => new Date(now) };
  const signIn = async (userId: string) => {
    const token = crypto.randomUUID().replace(/-/g, '');
    await store.insertSession({ tokenHash: await sha256Hex(token), userId, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 60 * minute).toISOString(), lastSeenAt: null, steppedUpAt: null });
    return `theme=dark; ma_session=${token}`;
  };
  const [version] = await store.listVersionFacts('all');
  const pkg = await store.findPackage(version?.packageId ?? '');
  const owner = await store.findUserById('usr_owner');
  if (!version || !pkg || !owner) throw new Error('the demo has a package with a version, and its owner');
  // A second model owner, who may not see the demo's packages (all usr_owner's).
  await store.insertUser({ ...owner, id: 'usr_owner_two', email: 'owner-two@example.com' });
  const other = new DatabaseSync(sqliteFile(dataDir));
  defer(() => other.close());
  return { store, deps, signIn, version, pkg, other, later: (ms: number) => (now += ms) };
}

describe('version answers looked up without waiting (SQLite)', () => {
  it('answers the bytes the read answered, once it has read them, and nothing before', async () => {
    const { deps, signIn, version } = await seeded();
    const cookie = await signIn('usr_model_risk');
    const kept = () => keptVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(kept()).toBeUndefined();
    const read = await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(kept()).toBe(read);
    // Another version, never read, is not answered.
    expect(keptVersionRead(deps, cookie, false, version.packageId, version.number + 50)).toBeUndefined();
  });

  it('answers nothing kept once this process writes, and from the next turn once another connection commits', async () => {
    const { store, deps, signIn, version, other } = await seeded();
    const cookie = await signIn('usr_model_risk');
    const kept = () => keptVersionRead(deps, cookie, false, version.packageId, version.number);
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(kept()).toBeDefined();
    expect(store.kept?.user('usr_model_risk')?.id).toBe('usr_model_risk');
    await store.deleteSession('f'.repeat(64));
    expect(store.kept?.user('usr_model_risk')).toBeUndefined();
    expect(store.kept?.answer(version.packageId, version.number)).toBeUndefined();
    expect(kept()).toBeUndefined();

    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    await nextTurn();
    expect(kept()).toBeDefined();
    other.exec('DROP TRIGGER IF EXISTS package_versions_no_update');
    other.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = ?').run('{"tampered":true}', version.packageId, version.number);
    await nextTurn();
    expect(store.kept?.answer(version.packageId, version.number)).toBeUndefined();
    expect(kept()).toBeUndefined();
    const again = await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(new TextDecoder().decode(again as Uint8Array)).toContain('"content":{"tampered":true}}');
  });

  it('keeps the answer, account and package across a session’s use record, and reads that session again', async () => {
    const { store, deps, signIn, version, later } = await seeded();
    const cookie = await signIn('usr_model_risk');
    const answer = await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    const kept = store.kept;
    if (!kept) throw new Error('SQLite keeps');
    const pkg = kept.package(version.packageId);
    expect(pkg?.id).toBe(version.packageId);
    later(minute);
    // The read records the use (a minute since the last record), a write the clock does not see.
    expect(await plainVersionRead(deps, cookie, false, version.packageId, version.number)).toBe(answer);
    expect(kept.answer(version.packageId, version.number)).toBe(answer);
    expect(kept.package(version.packageId)).toBe(pkg);
    expect(kept.user('usr_model_risk')?.id).toBe('usr_model_risk');
    // The session itself is read again, with the use just recorded: not due again until a minute on.
    expect(keptVersionRead(deps, cookie, false, version.packageId, version.number)).toBeUndefined();
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(keptVersionRead(deps, cookie, false, version.packageId, version.number)).toBe(answer);
  });

  it('leaves to the read a session that ended or owes its use recorded', async () => {
    const { deps, signIn, version, later } = await seeded();
    const cookie = await signIn('usr_model_risk');
    const kept = () => keptVersionRead(deps, cookie, false, version.packageId, version.number);
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(kept()).toBeDefined();
    // A minute on, the read records the session's use (a write): never answered from what is kept.
    later(minute);
    expect(kept()).toBeUndefined();
    // The read records it, which empties what was kept: the next read keeps the session again.
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(kept()).toBeDefined();
    // Its use recorded 59.5 minutes in, then the session's end (60 minutes) passed 45 seconds later,
    // before the next record is due: refused by the read, never answered from what is kept.
    later(58.5 * minute);
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(kept()).toBeDefined();
    later(minute * 0.75);
    expect(kept()).toBeUndefined();
    expect(await plainVersionRead(deps, cookie, false, version.packageId, version.number)).toBeNull();
  });

  it('leaves to the read a caller who may not see the package, or owes a password change', async () => {
    const { store, deps, signIn, version, pkg, other } = await seeded();
    const owner = await signIn('usr_owner_two');
    expect(pkg.ownerId).not.toBe('usr_owner_two');
    const reviewer = await signIn('usr_model_risk');
    const validator = await signIn('usr_fair_lending');
    await plainVersionRead(deps, reviewer, false, version.packageId, version.number);
    // The other owner's session and account kept beside the package and the answer.
    expect(await plainVersionRead(deps, owner, false, version.packageId, version.number)).toBeNull();
    expect(keptVersionRead(deps, reviewer, false, version.packageId, version.number)).toBeDefined();
    expect(keptVersionRead(deps, owner, false, version.packageId, version.number)).toBeUndefined();

    // A password change required, set by another connection: the account as kept from then on says so.
    other.prepare('UPDATE users SET password_change_required = 1 WHERE id = ?').run('usr_model_risk');
    await nextTurn();
    expect(await plainVersionRead(deps, reviewer, false, version.packageId, version.number)).toBeNull();
    expect((await store.findUserById('usr_model_risk'))?.passwordChangeRequired).toBe(true);
    await plainVersionRead(deps, validator, false, version.packageId, version.number);
    expect(keptVersionRead(deps, validator, false, version.packageId, version.number)).toBeDefined();
    expect(keptVersionRead(deps, reviewer, false, version.packageId, version.number)).toBeUndefined();
  });
});

describe('a quiet write (node-sqlite-dialect.ts)', () => {
  it('shows a version rewritten by a trigger a use record fires: the clock moves (fourth review M1)', async () => {
    const { store, deps, signIn, version, other, later } = await seeded();
    const cookie = await signIn('usr_model_risk');
    const answer = await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    await nextTurn();
    expect(keptVersionRead(deps, cookie, false, version.packageId, version.number)).toBe(answer);
    // Someone with the file lets a session's use record rewrite the version, then leaves; nothing
    // commits on another connection after that, so only the server's own write could tell.
    other.exec('DROP TRIGGER IF EXISTS package_versions_no_update');
    other.exec(`CREATE TRIGGER hide AFTER UPDATE OF last_seen_at ON sessions BEGIN UPDATE package_versions SET canonical_content = '{"tampered":true}' WHERE package_id = '${version.packageId}' AND number = ${String(version.number)}; END`);
    await nextTurn();
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    await nextTurn();
    later(minute);
    // This read records the use: the trigger rewrites the version inside the server's own write.
    await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    await nextTurn();
    // Every way of reading it now answers what the database holds.
    const again = await plainVersionRead(deps, cookie, false, version.packageId, version.number);
    expect(new TextDecoder().decode(again as Uint8Array)).toContain('"content":{"tampered":true}}');
    expect(store.kept?.answer(version.packageId, version.number)).toBe(again);
    expect(keptVersionRead(deps, cookie, false, version.packageId, version.number)).toBe(again);
  });

  it('moves the clock for a quiet write whose trigger changed other rows', () => {
    const sqlite = openSqlite(':memory:');
    defer(() => sqlite.raw.close());
    sqlite.raw.exec('create table sessions (x integer); create table u (y integer); insert into sessions values (1); insert into u values (1)');
    const stamp = sqlite.changes.stamp();
    sqlite.quietWrite('update sessions set x = ?', [2]);
    expect(sqlite.changes.stamp()).toBe(stamp);
    sqlite.raw.exec('create trigger w after update on sessions begin update u set y = y + 1; end');
    const armed = sqlite.changes.stamp();
    sqlite.quietWrite('update sessions set x = ?', [3]);
    expect(sqlite.changes.stamp()).not.toBe(armed);
  });

  it('refuses a quiet write to a table kept answers are made of (a version rewritten under a kept answer)', () => {
    const sqlite = openSqlite(':memory:');
    defer(() => sqlite.raw.close());
    sqlite.raw.exec("create table package_versions (content text); insert into package_versions values ('a')");
    const stamp = sqlite.changes.stamp();
    expect(() => sqlite.quietWrite("update package_versions set content = 'tampered'", [])).toThrow("Not a quiet table's update");
    expect(() => sqlite.quietWrite("delete from package_versions", [])).toThrow("Not a quiet table's update");
    expect(() => sqlite.quietWrite("insert into package_versions values ('b')", [])).toThrow("Not a quiet table's update");
    expect(sqlite.read('select content from package_versions', [])).toEqual([{ content: 'a' }]);
    expect(sqlite.changes.stamp()).toBe(stamp);
  });

  it('writes without moving the change clock, and refuses a read or an open transaction', () => {
    const sqlite = openSqlite(':memory:');
    defer(() => sqlite.raw.close());
    sqlite.raw.exec('create table sessions (x integer)');
    sqlite.raw.exec('insert into sessions values (1)');
    const stamp = sqlite.changes.stamp();
    sqlite.quietWrite('update sessions set x = ?', [2]);
    expect(sqlite.changes.stamp()).toBe(stamp);
    expect(sqlite.read('select x from sessions', [])).toEqual([{ x: 2 }]);
    expect(() => sqlite.quietWrite('select x from sessions', [])).toThrow('Not a plain write');
    sqlite.raw.exec('begin');
    expect(() => sqlite.quietWrite('update sessions set x = ?', [3])).toThrow('inside a transaction');
    sqlite.raw.exec('rollback');
  });
});
