import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { useServerKey } from '#api/signing/server-key.ts';
import type { Store } from '#api/store/store.ts';
import { treeHeadType } from '#domain/contracts/audit.ts';
import { signTreeHead } from '#domain/audit/tree-head.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import type { SignedKeyStatement } from '#domain/contracts/key-history.ts';
import { keyFingerprint } from '#domain/evidence/key-pin.ts';
import { recordOutcome, verifyRecordText } from '#domain/evidence/verify-record.ts';
import { generateServerKey, importServerPrivateKey } from '#domain/signing/countersign.ts';
import { verifyKeyHistory } from '#domain/signing/key-history.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import type { SendRequest } from '#scripts/lib/api-actor.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { loadServerKeys } from '#server/key-file.ts';
import { Client, origin } from '../contract/support/client.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { runScript } from '../support/run-script.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';

// Issue 17, item 1, second half (docs/decisions/0080): `npm run rotate-key` replaces the
// signing key; the key file keeps the retired key's public half and a signed key history
// (each key announced by the one before, and accepting it). GET /api/keys and records list
// keys from that history, never from the database: a key an attacker writes into the
// server_keys table is neither listed nor accepted. Old records verify with a pinned key of
// the history; a new record verifies for a reader who pinned the first key.

const defer = cleanUpAfterEach();

type KeyList = { keys: ServerKey[]; history: SignedKeyStatement[] };

async function server(dir: string, path: string) {
  const store = await openStore({ dataDir: dir });
  defer(() => store.close());
  const deps = { ...serverDeps(store, { sessionTtlHours: 1 }), passwords: cheapPasswords };
  const start = async (): Promise<string> => {
    const loaded = await loadServerKeys(store, { path, now: () => new Date() });
    useServerKey(store, loaded);
    return loaded.message;
  };
  await start();
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  const reader = new Client({ fetch: async (request) => app.fetch(request), store, close: () => Promise.resolve(), advanceClock: () => undefined });
  expect((await reader.login('model-risk@example.com')).status).toBe(200);
  const send: SendRequest = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));
  const record = async (id: string): Promise<string> => {
    const response = await app.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(200);
    return text;
  };
  const keys = async (): Promise<KeyList> => (await reader.get('/api/keys')).body as KeyList;
  return { store, app, send, record, keys, start, reader };
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'key-rotation-'));
  defer(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function outcome(text: string, pins: Parameters<typeof verifyRecordText>[1]) {
  const verdict = await verifyRecordText(text, pins);
  return { outcome: recordOutcome(verdict), failed: verdict.checks.filter((check) => !check.ok).map((check) => `${check.label}: ${check.detail}`) };
}

/** A key someone with write access to the database (not the key file) adds, with a head signed by it. */
async function plantKey(store: Store): Promise<ServerKey> {
  const stranger = await generateServerKey();
  const key = { keyId: stranger.keyId, algorithm: 'Ed25519' as const, publicKey: stranger.publicKey, createdAt: new Date().toISOString() };
  await store.insertServerKey(key);
  const heads = await store.listTreeHeads();
  const last = heads.at(-1);
  if (!last) throw new Error('No tree head to forge after');
  const forged = await signTreeHead(await importServerPrivateKey(stranger.privateKeyPkcs8), stranger.keyId, { type: treeHeadType, treeSize: last.treeSize + 1_000, rootHash: 'ab'.repeat(32), timestamp: new Date().toISOString() });
  await store.insertTreeHead({ treeSize: forged.treeSize, rootHash: forged.rootHash, timestamp: forged.timestamp, keyId: forged.keyId, signature: forged.signature });
  return key;
}

describe('signing key rotation with a signed key history', () => {
  it('rotates with npm run rotate-key; old and new records verify through the history; the retired private half is gone', async () => {
    const dir = dataDir();
    const path = join(dir, 'server-keys.json');
    const s = await server(dir, path);
    const first = await s.keys();
    const documentKeyBefore = (JSON.parse(readFileSync(path, 'utf8')) as { documentKey?: { certificate: string; issuerKeyId: string } }).documentKey;
    expect(first.keys).toHaveLength(1);
    expect(first.history).toHaveLength(1);
    const [k1] = first.keys;
    if (!k1) throw new Error('no key');

    const { id } = await approveCardFraudCopy({ origin, send: s.send, password: 'demo-password', versionLabel: '7.2.0-rotation' });
    const before = await s.record(id);
    expect(await outcome(before, { trustedKeys: [{ fingerprint: await keyFingerprint(k1.publicKey) }] })).toEqual({ outcome: 'valid', failed: [] });

    const run = await runScript('scripts/rotate-key.ts', [], { ...process.env, KEY_FILE: path });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^Signing key [0-9a-f]{16} now signs \\(from .*\\), announced by retired key ${k1.keyId} in .*server-keys\\.json; the retired key's private half is gone from the file`));
    expect(run.code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { keys: { keyId: string; privateKeyPkcs8?: string }[]; history: SignedKeyStatement[] };
    expect(file.keys.map((key) => [key.keyId, key.privateKeyPkcs8 === undefined])).toEqual([
      [k1.keyId, true],
      [expect.any(String), false],
    ]);
    const verified = await verifyKeyHistory(file.history);
    expect(verified.ok).toBe(true);
    // The PDF document key is issued anew under the new key.
    const documentKeyAfter = (JSON.parse(readFileSync(path, 'utf8')) as { documentKey?: { certificate: string; issuerKeyId: string } }).documentKey;
    expect(documentKeyBefore?.issuerKeyId).toBe(k1.keyId);
    expect(documentKeyAfter?.issuerKeyId).toBe(file.keys[1]?.keyId);
    expect(documentKeyAfter?.certificate).not.toBe(documentKeyBefore?.certificate);

    // The restart: the server now signs with the new key and publishes both, from the file.
    await s.start();
    const after = await s.keys();
    expect(after.keys.map((key) => key.keyId)).toEqual(file.keys.map((key) => key.keyId));
    expect(after.history).toEqual(file.history);
    const k2 = after.keys[1];
    if (!k2) throw new Error('no new key');

    // The old record, signed by the retired key: VALID with the new list pinned, or the old key.
    expect(await outcome(before, { trustedKeys: after.keys })).toEqual({ outcome: 'valid', failed: [] });
    // A new record is signed by the new key; its history links it to the first key, so a
    // reader who pinned only the first key a year ago still gets VALID.
    const later = await s.record(id);
    expect((JSON.parse(later) as { signature: { keyId: string } }).signature.keyId).toBe(k2.keyId);
    expect(await outcome(later, { trustedKeys: [{ fingerprint: await keyFingerprint(k1.publicKey) }] })).toEqual({ outcome: 'valid', failed: [] });
    expect(await outcome(later, { trustedKeys: [{ publicKey: k2.publicKey }] })).toEqual({ outcome: 'valid', failed: [] });
    const stranger = await generateServerKey();
    expect((await outcome(later, { trustedKeys: [{ publicKey: stranger.publicKey }] })).outcome).toBe('invalid');

    // A history rewritten in the record (the first key's start moved) breaks the chain.
    const doctored = JSON.parse(later) as { keyHistory: SignedKeyStatement[] };
    const firstStatement = doctored.keyHistory[0];
    if (!firstStatement) throw new Error('no statement');
    firstStatement.statement.validFrom = '2020-01-01T00:00:00.000Z';
    const broken = await outcome(JSON.stringify(doctored), { trustedKeys: [{ publicKey: k1.publicKey }] });
    expect(broken.outcome).toBe('invalid');
    expect(broken.failed.join('\n')).toMatch(/Server key history: \/keyHistory: key history statement 0: the first key's statement must carry exactly one signature, its own, and it does not verify\./);
  }, 120_000);

  it('attack: a key written into the database is neither listed by GET /api/keys nor accepted for a tree head', async () => {
    const dir = dataDir();
    const path = join(dir, 'server-keys.json');
    const s = await server(dir, path);
    const { id } = await approveCardFraudCopy({ origin, send: s.send, password: 'demo-password', versionLabel: '7.2.0-planted' });
    await s.record(id);
    const genuine = await s.keys();
    const planted = await plantKey(s.store);
    expect((await s.store.listServerKeys()).map((key) => key.keyId)).toContain(planted.keyId);

    expect(await s.keys()).toEqual(genuine);
    const committee = new Client({ fetch: async (request) => s.app.fetch(request), store: s.store, close: () => Promise.resolve(), advanceClock: () => undefined });
    expect((await committee.login('committee@example.com')).status).toBe(200);
    const audit = await committee.get('/api/audit/verify');
    expect(audit.body).toMatchObject({ valid: false });
    expect(JSON.stringify(audit.body)).toContain(`The published tree head of size ${(await s.store.listTreeHeads()).at(-1)?.treeSize} `);
    expect(JSON.stringify(audit.body)).toContain("has a signature that does not verify against the server's published keys");

    // The next start names the stranger and still does not publish it.
    const message = await s.start();
    expect(message).toContain(`Warning: the database lists signing key ${planted.keyId}, which is not in the key file's signed history; ignored (neither published nor accepted).`);
    expect(await s.keys()).toEqual(genuine);
  }, 120_000);

  it('refuses to rotate without a key file', async () => {
    const dir = dataDir();
    const run = await runScript('scripts/rotate-key.ts', [], { ...process.env, KEY_FILE: join(dir, 'none.json') });
    expect(run.stderr).toContain(`Not rotated: There is no key file at ${join(dir, 'none.json')} to rotate`);
    expect(run.code).toBe(1);
  });
});
