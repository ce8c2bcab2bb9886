import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '#tests/support/cleanups.ts';
import { demoStoreOnFile } from '#tests/support/demo-store-on-file.ts';
import type { VersionAnswer, VersionHeadFacts } from '#api/store/packages.ts';
import { openSqlite } from './node-sqlite-dialect.ts';
import { sqliteFile } from './open-store.ts';
import { answerBytes, sqliteVersionResponses } from './version-responses.ts';

// The version route's answer on SQLite: kept whole as bytes while the change clock stands still,
// up to a bound, and past it its head (all but the content) with the content read from the row
// on every call (docs/decisions/0161, 0199). Another connection's commit (a tampering UPDATE) is
// seen from the next turn of the event loop, where any request that follows it is received.

const defer = cleanUpAfterEach();

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const parsed = (answer: VersionAnswer | null | undefined) => JSON.parse(typeof answer === 'string' || answer == null ? (answer ?? 'null') : new TextDecoder().decode(answer)) as { hash: string; content: unknown } | null;

async function seeded(bounds?: { answerBytes?: number; headCharacters?: number }) {
  const { store, dataDir } = await demoStoreOnFile(defer, 'version-responses-');
  const [pkg] = await store.listPackages();
  if (!pkg || !store.versionResponses) throw new Error('a SQLite store with the demo packages');
  if (bounds) {
    const sqlite = openSqlite(sqliteFile(dataDir));
    defer(() => sqlite.raw.close());
    Object.assign(store, { versionResponses: sqliteVersionResponses(sqlite, (work) => work(), bounds) });
  }
  const other = new DatabaseSync(sqliteFile(dataDir));
  defer(() => other.close());
  other.exec('DROP TRIGGER IF EXISTS package_versions_no_update');
  // Counts the heads built: a kept head is not built again.
  let built = 0;
  const head = (version: VersionHeadFacts) => {
    built += 1;
    return Promise.resolve(`{"hash":${JSON.stringify(version.contentHash)},"content":`);
  };
  const answer = async () => parsed(await store.versionResponses?.answer(pkg.id, 1, head));
  return { store, pkg, other, dataDir, answer, builds: () => built };
}

describe('version answers on SQLite', () => {
  it('are the head followed by the stored content; the head is built once while nothing is written', async () => {
    const { store, pkg, answer, builds } = await seeded();
    const version = await store.findVersion(pkg.id, 1);
    const first = await answer();
    expect(first).toEqual({ hash: version?.contentHash, content: JSON.parse(version?.canonicalContent ?? '') as unknown });
    expect(await answer()).toEqual(first);
    await nextTurn();
    expect(await answer()).toEqual(first);
    expect(builds()).toBe(1);
    expect(await store.versionResponses?.answer(pkg.id, 999, () => Promise.resolve('{"content":'))).toBeNull();
  });

  it('kept whole: the same bytes without reading the row within the turn; another connection’s commit seen from the next turn', async () => {
    const { store, pkg, other, answer, builds } = await seeded();
    const head = () => Promise.resolve('{"content":');
    const first = await store.versionResponses?.answer(pkg.id, 1, head);
    expect(first).toBeInstanceOf(Uint8Array);
    other.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = 1').run('{"tampered":true}', pkg.id);
    // Within the turn (no request is received in it) the kept bytes, not a read of the row...
    expect(await store.versionResponses?.answer(pkg.id, 1, head)).toBe(first);
    // ...and from the next turn on the row as it is now.
    await nextTurn();
    expect(await answer()).toMatchObject({ content: { tampered: true } });
    expect(builds()).toBe(1);
  });

  it('send content changed behind the server’s back at the next read, with the answer kept whole', async () => {
    const { pkg, other, answer, builds } = await seeded();
    const before = await answer();
    expect(await answer()).toEqual(before);
    other.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = 1').run('{"tampered":true}', pkg.id);
    await nextTurn();
    expect(await answer()).toEqual({ hash: before?.hash, content: { tampered: true } });
    // Put back as it was: that too is what the next read sends.
    other.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = 1').run(JSON.stringify(before?.content), pkg.id);
    await nextTurn();
    expect(await answer()).toEqual(before);
    expect(builds()).toBe(3);
  });

  it('send content changed behind the server’s back at once when only the head is kept', async () => {
    const { pkg, other, answer, builds } = await seeded({ answerBytes: 0 });
    const before = await answer();
    other.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = 1').run('{"tampered":true}', pkg.id);
    // Same turn: the head kept (the old hash, so the pair fails its check), the content the row's.
    expect(await answer()).toEqual({ hash: before?.hash, content: { tampered: true } });
    expect(builds()).toBe(1);
  });

  it('build the head again after another connection’s commit (from the next turn) and after a write of this process (at once)', async () => {
    const { store, pkg, other, answer, builds } = await seeded();
    await answer();
    other.prepare('UPDATE package_versions SET content_hash = ? WHERE package_id = ? AND number = 1').run('f'.repeat(64), pkg.id);
    await nextTurn();
    expect((await answer())?.hash).toBe('f'.repeat(64));
    expect(builds()).toBe(2);
    await store.touchPackage(pkg.id, new Date().toISOString());
    await answer();
    expect(builds()).toBe(3);
  });

  it('do not keep a head when something was written while it was built', async () => {
    const { store, pkg } = await seeded();
    let built = 0;
    const writing = async (version: VersionHeadFacts) => {
      built += 1;
      await store.touchPackage(pkg.id, new Date().toISOString());
      return `{"number":${version.number},"content":`;
    };
    await store.versionResponses?.answer(pkg.id, 1, writing);
    await store.versionResponses?.answer(pkg.id, 1, writing);
    expect(built).toBe(2);
  });

  it('admit whole answers up to a bound in bytes, then heads up to a bound in characters, and no further until the clock moves', async () => {
    const { store, dataDir } = await seeded();
    const sqlite = openSqlite(sqliteFile(dataDir));
    defer(() => sqlite.raw.close());
    const head = '{"number":1,"content":';
    const versions = await store.listVersionFacts('all');
    expect(versions.length).toBeGreaterThanOrEqual(5);
    const [a, b] = versions;
    if (!a || !b) throw new Error('two versions');
    // Exactly the first two versions' answers fit in bytes (a non-ASCII name counts its UTF-8 bytes), then two heads.
    const bytesOf = async (v: { packageId: string; number: number }) => new TextEncoder().encode(`${head}${(await store.findVersion(v.packageId, v.number))?.canonicalContent ?? ''}}`).byteLength;
    const responses = sqliteVersionResponses(sqlite, (work) => work(), { answerBytes: (await bytesOf(a)) + (await bytesOf(b)), headCharacters: head.length * 2 });
    let built = 0;
    const build = () => ((built += 1), Promise.resolve(head));
    const kinds: string[] = [];
    for (let round = 0; round < 2; round++) for (const v of versions) kinds.push(typeof (await responses.answer(v.packageId, v.number, build)));
    // Two whole, two heads: those four are built once, every other version on each read.
    expect(built).toBe(versions.length + (versions.length - 4));
    expect(kinds.slice(versions.length)).toEqual(versions.map((_, i) => (i < 2 ? 'object' : 'string')));
    // The bytes are the text's.
    const whole = await responses.answer(a.packageId, a.number, build);
    expect(typeof whole === 'string' ? whole : new TextDecoder().decode(whole ?? new Uint8Array())).toBe(`${head}${(await store.findVersion(a.packageId, a.number))?.canonicalContent ?? ''}}`);
  });
});

describe('an answer’s bytes', () => {
  // Encoded part by part (0229): they must be exactly the joined text's UTF-8, whatever it holds.
  it('are the UTF-8 of head, content and the closing brace, for any text', () => {
    const utf8 = new TextEncoder();
    const heads = ['{"packageId":"pkg_1","content":', '{"submittedBy":{"displayName":"Zoë 漢字 😀"},"content":'];
    const contents = ['{"a":1}', '{"name":"Résumé — 漢字 😀"}', '{"odd":"\ud800 lone, \udc00 and \ud83d"}', '"\ud800"', '', 'x'.repeat(20_000)];
    for (const head of heads) {
      for (const content of contents) {
        const raw = JSON.parse(`[${JSON.stringify(content)}]`) as [string];
        for (const text of [content, raw[0]]) expect(answerBytes(head, text)).toEqual(utf8.encode(`${head}${text}}`));
      }
    }
  });
});
