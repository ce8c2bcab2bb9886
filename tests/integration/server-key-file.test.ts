import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Client as PgClient } from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { currentServerKey, useServerKey } from '#api/signing/server-key.ts';
import { generateServerKey } from '#domain/signing/countersign.ts';
import { startServerProcess } from '#scripts/lib/server-process.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { KeyFileRefused, loadServerKeys } from '#server/key-file.ts';
import { verifyKeyHistory } from '#domain/signing/key-history.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';

// Issue 17, item 1: the signing key lives in a key file, never in the database it protects.
// A copy of the database alone holds no private key; a start that finds keys published in
// the database but no key file refuses; a database written before holds its private key in
// server_keys, which the first start moves to the key file and erases from the table.

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (let step = cleanups.pop(); step; step = cleanups.pop()) await step();
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'server-key-file-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function storeIn(dir: string) {
  const store = await openStore({ dataDir: dir });
  cleanups.push(() => store.close());
  return store;
}

/** What someone holding a copy of the database file finds in the key table. */
function keyRows(dir: string): { key_id: string; public_key: string; private_key_pkcs8: string }[] {
  const db = new DatabaseSync(sqliteFile(dir), { readOnly: true });
  try {
    return db.prepare('SELECT key_id, public_key, private_key_pkcs8 FROM server_keys').all() as { key_id: string; public_key: string; private_key_pkcs8: string }[];
  } finally {
    db.close();
  }
}

const now = () => new Date('2026-12-05T00:00:00.000Z');

describe('the server key file', () => {
  it('is written at the first start with mode 0600; the database keeps the public key only', async () => {
    const dir = dataDir();
    const store = await storeIn(dir);
    const path = join(dir, 'server-keys.json');
    const loaded = await loadServerKeys(store, { path, now });
    expect(loaded.message).toBe(
      `New signing key ${loaded.key.keyId} written to ${path} (mode 0600). Back it up: it is not in the database, and without it this server cannot start on this database. ` +
        `A document-signing key (ECDSA P-256) for PDF records, its certificate issued by ${loaded.key.keyId}, was added to ${path}.`,
    );
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { keys: { keyId: string; privateKeyPkcs8: string }[]; documentKey?: { issuerKeyId: string; privateKeyPkcs8: string } };
    expect(file.keys.map((key) => key.keyId)).toEqual([loaded.key.keyId]);
    // The PDF record's key (docs/decisions/0119) lives in the same file, never in the database.
    expect(file.documentKey?.issuerKeyId).toBe(loaded.key.keyId);
    expect(loaded.documentKey).toEqual(file.documentKey);
    expect(readFileSync(sqliteFile(dir)).includes(Buffer.from(file.documentKey?.privateKeyPkcs8 ?? 'none'))).toBe(false);

    // Signing (a tree head, here through the store's current key) uses the file's key.
    useServerKey(store, loaded);
    expect((await currentServerKey(store, now)).key.keyId).toBe(loaded.key.keyId);

    const rows = keyRows(dir);
    expect(rows).toEqual([{ key_id: loaded.key.keyId, public_key: loaded.key.publicKey, private_key_pkcs8: '' }]);
    const secret = file.keys[0]?.privateKeyPkcs8 ?? '';
    expect(secret.length).toBeGreaterThan(40);
    expect(readFileSync(sqliteFile(dir)).includes(Buffer.from(secret))).toBe(false);

    // The next start reads the same key, and publishes nothing new.
    const again = await loadServerKeys(store, { path, now });
    expect(again.key).toEqual(loaded.key);
    expect(again.message).toBe(`Signing key ${loaded.key.keyId} loaded from ${path}.`);
    expect(again.documentKey).toEqual(loaded.documentKey);
    expect(keyRows(dir)).toHaveLength(1);
  });

  it('gives a key file written before PDF records one document key, however many starts add it at once', async () => {
    const dir = dataDir();
    const path = join(dir, 'keys.json');
    await loadServerKeys(await storeIn(dir), { path, now: () => new Date() });
    // As a file written before decision 0119: no document key.
    const { documentKey: _dropped, ...older } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify(older), { mode: 0o600 });
    const store = await storeIn(dir);
    // Five instances starting together on the one shared file: each used to make its own key, and
    // all but the last rename's signed PDFs with a key the file did not hold.
    const starts = await Promise.all(Array.from({ length: 5 }, () => loadServerKeys(store, { path, now: () => new Date() })));
    const inFile = (JSON.parse(readFileSync(path, 'utf8')) as { documentKey?: unknown }).documentKey;
    expect(inFile).toBeDefined();
    for (const start of starts) expect(start.documentKey).toEqual(inFile);
    expect(starts.filter((start) => start.message.includes('A document-signing key')).length).toBe(1);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses a start on a database with published keys but no key file, rather than sign under a new key', async () => {
    const dir = dataDir();
    const store = await storeIn(dir);
    const path = join(dir, 'server-keys.json');
    const { key } = await loadServerKeys(store, { path, now });
    unlinkSync(path);
    const refused = loadServerKeys(store, { path, now });
    await expect(refused).rejects.toThrow(KeyFileRefused);
    await expect(refused).rejects.toThrow(`The database has published 1 signing key (${key.keyId}), but there is no key file at ${path}. Restore the key file`);
    expect(existsSync(path)).toBe(false);
    expect(keyRows(dir)).toHaveLength(1);
  });

  it('moves a private key an older server wrote into the database to the key file, and erases it there', async () => {
    const dir = dataDir();
    const store = await storeIn(dir);
    const old = await generateServerKey();
    // As the server wrote it before: the PKCS #8 key in the table (inserts are allowed, changes are not).
    const db = new DatabaseSync(sqliteFile(dir));
    db.prepare('INSERT INTO server_keys (key_id, algorithm, public_key, private_key_pkcs8, created_at) VALUES (?, ?, ?, ?, ?)').run(old.keyId, 'Ed25519', old.publicKey, old.privateKeyPkcs8, '2026-01-01T00:00:00.000Z');
    db.close();
    expect(keyRows(dir)[0]?.private_key_pkcs8).toBe(old.privateKeyPkcs8);

    const path = join(dir, 'keys', 'server-keys.json');
    const loaded = await loadServerKeys(store, { path, now });
    expect(loaded.key.keyId).toBe(old.keyId);
    expect(loaded.message).toMatch(/^Signing key moved out of the database into .*server-keys\.json \(mode 0600\); the database now holds public keys only\./);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(keyRows(dir)).toEqual([{ key_id: old.keyId, public_key: old.publicKey, private_key_pkcs8: '' }]);
    // The table is append-only again: the triggers lifted for the move are back.
    const attacker = new DatabaseSync(sqliteFile(dir));
    expect(() => attacker.prepare("UPDATE server_keys SET private_key_pkcs8 = 'x'").run()).toThrow(/server_keys is append-only: UPDATE refused/);
    attacker.close();
  });

  it('on PostgreSQL, moves a private key an older server wrote into the database to the key file, and erases it there', async () => {
    const database = await createTestDatabase(inject('databaseUrl'));
    cleanups.push(() => database.drop());
    const dir = dataDir();
    const store = await openStore({ databaseUrl: database.url, dataDir: dir });
    cleanups.push(() => store.close());
    const sql = new PgClient({ connectionString: database.url });
    await sql.connect();
    cleanups.push(() => sql.end());
    const rows = async () => (await sql.query<{ key_id: string; public_key: string; private_key_pkcs8: string }>('SELECT key_id, public_key, private_key_pkcs8 FROM server_keys ORDER BY created_at')).rows;
    // Two keys as servers before 0071 wrote them: both private halves in the table.
    const older = await generateServerKey();
    const old = await generateServerKey();
    for (const [key, at] of [[older, '2025-06-01T00:00:00.000Z'], [old, '2026-01-01T00:00:00.000Z']] as const) {
      await sql.query('INSERT INTO server_keys (key_id, algorithm, public_key, private_key_pkcs8, created_at) VALUES ($1, $2, $3, $4, $5)', [key.keyId, 'Ed25519', key.publicKey, key.privateKeyPkcs8, at]);
    }

    const path = join(dir, 'keys', 'server-keys.json');
    const loaded = await loadServerKeys(store, { path, now });
    expect(loaded.key.keyId).toBe(old.keyId);
    expect(loaded.message).toMatch(/^Signing keys moved out of the database into .*server-keys\.json \(mode 0600\); the database now holds public keys only\./);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await rows()).toEqual([
      { key_id: older.keyId, public_key: older.publicKey, private_key_pkcs8: '' },
      { key_id: old.keyId, public_key: old.publicKey, private_key_pkcs8: '' },
    ]);
    // The file holds both, and a signed history in which the older key announced the old one.
    const file = JSON.parse(readFileSync(path, 'utf8')) as { keys: { keyId: string; privateKeyPkcs8: string }[]; history: unknown[] };
    expect(file.keys.map((key) => [key.keyId, key.privateKeyPkcs8])).toEqual([
      [older.keyId, older.privateKeyPkcs8],
      [old.keyId, old.privateKeyPkcs8],
    ]);
    const history = await verifyKeyHistory(file.history);
    expect(history.ok && history.keys.map((key) => [key.keyId, key.validUntil])).toEqual([
      [older.keyId, '2026-01-01T00:00:00.000Z'],
      [old.keyId, null],
    ]);
    // The table is append-only again: the trigger disabled for the move is enabled.
    await expect(sql.query("UPDATE server_keys SET private_key_pkcs8 = 'x'")).rejects.toThrow(/server_keys is append-only: UPDATE refused/);
    // The next start reads the file and moves nothing.
    const again = await loadServerKeys(store, { path, now });
    expect(again.message).toBe(`Signing key ${old.keyId} loaded from ${path}.`);
  });

  it('refuses a key file whose private key is not its public key’s, or that is not JSON', async () => {
    const dir = dataDir();
    const store = await storeIn(dir);
    const path = join(dir, 'server-keys.json');
    await loadServerKeys(store, { path, now });
    const file = JSON.parse(readFileSync(path, 'utf8')) as { keys: { privateKeyPkcs8: string }[] };
    const stranger = await generateServerKey();
    writeFileSync(path, JSON.stringify({ ...file, keys: file.keys.map((key) => ({ ...key, privateKeyPkcs8: stranger.privateKeyPkcs8 })) }));
    await expect(loadServerKeys(store, { path, now })).rejects.toThrow(/is not the private half of its public key/);
    writeFileSync(path, '{"type": "model-approval-server-keys/1", "keys": [');
    await expect(loadServerKeys(store, { path, now })).rejects.toThrow(KeyFileRefused);
  });

  it('the real server says where its key is at the first start, and refuses a restart without it', async () => {
    const dir = dataDir();
    const first = await startServerProcess({ dataDir: dir });
    await expect.poll(() => first.output(), { timeout: 10_000 }).toMatch(/New signing key [0-9a-f]{16} written to .*server-keys\.json \(mode 0600\)\. Back it up/);
    await first.stop();
    expect(keyRows(dir).every((row) => row.private_key_pkcs8 === '')).toBe(true);

    const second = await startServerProcess({ dataDir: dir });
    await expect.poll(() => second.output(), { timeout: 10_000 }).toMatch(/Signing key [0-9a-f]{16} loaded from .*server-keys\.json\./);
    await second.stop();

    unlinkSync(join(dir, 'server-keys.json'));
    await expect(startServerProcess({ dataDir: dir })).rejects.toThrow(/Not starting: The database has published 1 signing key \([0-9a-f]{16}\), but there is no key file at/);
  }, 120_000);
});
