import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { keptVersionRead, plainVersionRead } from '#api/index.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import type { VersionAnswer } from '#api/store/packages.ts';
import { serverDeps } from '../deps.ts';
import { openStore, sqliteFile } from './open-store.ts';

// A write drops only the kept version answers whose rows changed (docs/decisions/0221), and that
// must not open a way to serve an answer the database no longer holds: every tampering below is
// replayed from a second connection, as another process or the sqlite3 shell would, and the
// served answer must be the database's from the next request on.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const text = (answer: VersionAnswer | null) => (answer === null ? null : typeof answer === 'string' ? answer : new TextDecoder().decode(answer));

async function seeded() {
  const dataDir = mkdtempSync(join(tmpdir(), 'answer-rows-'));
  const store = await openStore({ dataDir });
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  const deps = serverDeps(store, { sessionTtlHours: 12 });
  const token = crypto.randomUUID().replace(/-/g, '');
  const now = Date.now();
  await store.insertSession({ tokenHash: await sha256Hex(token), userId: 'usr_model_risk', createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 3_600_000).toISOString(), lastSeenAt: null, steppedUpAt: null });
  const cookie = `ma_session=${token}`;
  const [a, b] = await store.listVersionFacts('all');
  if (!a || !b) throw new Error('two versions in the demo');
  const other = new DatabaseSync(sqliteFile(dataDir));
  cleanups.push(() => Promise.resolve(other.close()));
  const read = async (v: { packageId: string; number: number }) => plainVersionRead(deps, cookie, false, v.packageId, v.number);
  const kept = (v: { packageId: string; number: number }) => store.kept?.answer(v.packageId, v.number);
  // Both read twice: kept whole from the first read on.
  for (const v of [a, b]) await read(v);
  expect(kept(a)).toBeInstanceOf(Uint8Array);
  expect(kept(b)).toBeInstanceOf(Uint8Array);
  const rewrite = (v: { packageId: string; number: number }, sql: string) => other.prepare(sql).run(v.packageId, v.number);
  return { store, deps, cookie, a, b, other, read, kept, rewrite };
}

describe('kept version answers and the rows they are made of (SQLite)', () => {
  it('keep every answer across a write of this process to other rows, and drop only the one whose rows it changed', async () => {
    const { store, a, b, read, kept } = await seeded();
    const [keptA, keptB] = [kept(a), kept(b)];
    await store.touchPackage(a.packageId, new Date().toISOString());
    expect(kept(a)).toBe(keptA);
    expect(kept(b)).toBe(keptB);
    // A policy re-check of version a changes its answer's `policy`: a's answer is dropped, b's kept.
    const [evaluation] = (await store.listPolicyEvaluations([a.packageId])).filter((e) => e.version === a.number);
    if (!evaluation) throw new Error('the demo version has a policy check');
    const rechecked = { ...evaluation, evaluation: { ...evaluation.evaluation, outcome: 'refused' as const }, evaluatedAt: new Date().toISOString() };
    await store.insertPolicyReevaluation(rechecked);
    expect(kept(a)).toBeUndefined();
    expect(kept(b)).toBe(keptB);
    expect(text(await read(a))).toContain('"outcome":"refused"');
  });

  it('a version rewritten by another connection is sent as the database holds it from the next turn, every other answer read again too', async () => {
    const { a, b, other, read, kept, rewrite } = await seeded();
    const before = text(await read(b));
    other.exec('DROP TRIGGER package_versions_no_update');
    rewrite(a, `UPDATE package_versions SET canonical_content = '{"tampered":true}' WHERE package_id = ? AND number = ?`);
    await nextTurn();
    expect(kept(a)).toBeUndefined();
    expect(kept(b)).toBeUndefined();
    expect(text(await read(a))).toContain('"content":{"tampered":true}}');
    expect(text(await read(b))).toBe(before);
  });

  it('another connection’s change is seen even when it erased its own entry in the log, with no change to the schema', async () => {
    const { store, a, other, read } = await seeded();
    const version = await store.findVersion(a.packageId, a.number);
    other.exec('BEGIN');
    other.prepare(`UPDATE users SET display_name = 'Renamed behind the back' WHERE id = ?`).run(version?.submittedBy ?? '');
    other.prepare('DELETE FROM answer_row_changes WHERE user_id = ?').run(version?.submittedBy ?? '');
    other.exec('COMMIT');
    await nextTurn();
    expect(text(await read(a))).toContain('Renamed behind the back');
  });

  it('a version deleted by another connection is no longer sent', async () => {
    const { a, other, read, rewrite } = await seeded();
    other.exec('DROP TRIGGER package_versions_no_delete');
    other.exec('PRAGMA foreign_keys = OFF');
    rewrite(a, 'DELETE FROM package_versions WHERE package_id = ? AND number = ?');
    await nextTurn();
    expect(await read(a)).toBeNull();
  });

  it('a change this process makes through a trigger another connection planted is logged, by the log’s own trigger', async () => {
    const { store, a, b, other, read, kept } = await seeded();
    other.exec('DROP TRIGGER package_versions_no_update');
    other.exec(`CREATE TRIGGER planted AFTER UPDATE ON packages BEGIN UPDATE package_versions SET canonical_content = '{"planted":true}' WHERE package_id = new.id AND number = ${a.number}; END`);
    await nextTurn();
    await read(a);
    await read(b);
    const keptB = kept(b);
    // This process's own write: the planted trigger rewrites a's content in it.
    await store.touchPackage(a.packageId, new Date().toISOString());
    expect(kept(a)).toBeUndefined();
    expect(kept(b)).toBe(keptB);
    expect(text(await read(a))).toContain('"content":{"planted":true}}');
  });

  it('with the log’s trigger dropped by another connection, a change this process makes is seen all the same: nothing is kept past a write', async () => {
    const { store, a, b, other, read, kept } = await seeded();
    other.exec('DROP TRIGGER package_versions_no_update');
    other.exec('DROP TRIGGER answer_row_changes_package_versions_update');
    other.exec(`CREATE TRIGGER planted AFTER UPDATE ON packages BEGIN UPDATE package_versions SET canonical_content = '{"planted":true}' WHERE package_id = new.id AND number = ${a.number}; END`);
    await nextTurn();
    await read(a);
    await read(b);
    expect(kept(a)).toBeDefined();
    await store.touchPackage(a.packageId, new Date().toISOString());
    expect(kept(a)).toBeUndefined();
    expect(kept(b)).toBeUndefined();
    expect(text(await read(a))).toContain('"content":{"planted":true}}');
  });

  it('a planted trigger that rewrites the log or its sequence makes the log untrusted', async () => {
    for (const action of ['DELETE FROM answer_row_changes', "UPDATE sqlite_sequence SET seq = 0 WHERE name = 'answer_row_changes'"]) {
      const { store, a, b, other, read, kept } = await seeded();
      other.exec('DROP TRIGGER package_versions_no_update');
      other.exec(`CREATE TRIGGER planted AFTER UPDATE ON packages BEGIN UPDATE package_versions SET canonical_content = '{"planted":true}' WHERE package_id = new.id AND number = ${a.number}; ${action}; END`);
      await nextTurn();
      await read(a);
      await read(b);
      await store.touchPackage(a.packageId, new Date().toISOString());
      expect(kept(a)).toBeUndefined();
      expect(kept(b)).toBeUndefined();
      expect(text(await read(a))).toContain('"content":{"planted":true}}');
    }
  });

  it('still checks who may see a kept answer on every request', async () => {
    const { store, deps, a, other, kept } = await seeded();
    const token = crypto.randomUUID().replace(/-/g, '');
    await store.insertSession({ tokenHash: await sha256Hex(token), userId: 'usr_model_risk', createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 3_600_000).toISOString(), lastSeenAt: null, steppedUpAt: null });
    const cookie = `ma_session=${token}`;
    expect(keptVersionRead(deps, cookie, false, a.packageId, a.number)).toBeUndefined();
    await plainVersionRead(deps, cookie, false, a.packageId, a.number);
    expect(keptVersionRead(deps, cookie, false, a.packageId, a.number)).toBe(kept(a));
    // The reader made a model owner by another connection: the kept answer stays unsent to them.
    other.prepare(`UPDATE users SET roles = '["model_owner"]' WHERE id = 'usr_model_risk'`).run();
    await nextTurn();
    expect(keptVersionRead(deps, cookie, false, a.packageId, a.number)).toBeUndefined();
    expect(await plainVersionRead(deps, cookie, false, a.packageId, a.number)).toBeNull();
  });
});
