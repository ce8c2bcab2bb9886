import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { recordOutcome, verifyRecordText } from '#domain/evidence/verify-record.ts';
import { signRecord } from '#domain/evidence/record-signature.ts';
import { currentServerKey } from '#api/signing/server-key.ts';
import type { SendRequest } from '#scripts/lib/api-actor.ts';
import { Client, origin } from '../contract/support/client.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';
import { parseVerifierKey, verifyRecordLog } from '../independent/tlog-verifier.ts';

// Issue 17, item 2 (docs/decisions/0081): the tree head as a C2SP tlog-checkpoint, served
// without sign-in, and one C2SP tlog-proof per audit entry in the record, checked by a
// verifier written from the specs that shares no code with the producer
// (tests/independent/tlog-verifier.ts imports node:crypto only).

const defer = cleanUpAfterEach();

async function exported() {
  const { app, target, store } = await seededSqliteApp(defer);
  const send: SendRequest = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));
  const { id } = await approveCardFraudCopy({ origin, send, password: 'demo-password', versionLabel: '7.2.0-checkpoint' });
  const reader = new Client(target);
  expect((await reader.login('model-risk@example.com')).status).toBe(200);
  const response = await app.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  const anonymous = new Client(target);
  const published = await anonymous.get('/api/audit/checkpoint');
  expect(published.status).toBe(200);
  const keys = ((await reader.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  return { text, published: published.body as { checkpoint: string; origin: string; verifierKey: string }, keys, store };
}

describe('C2SP checkpoints and tlog-proofs', () => {
  it('serves the tree head as a signed note without sign-in, and every entry of a record proves against it, checked independently', async () => {
    const { text, published, keys, store } = await exported();
    expect(published.origin).toBe('localhost');
    expect(published.checkpoint).toMatch(/^localhost\n[1-9][0-9]*\n[A-Za-z0-9+/]{43}=\n\n— localhost [A-Za-z0-9+/]{91}=\n$/);
    expect(published.verifierKey).toMatch(/^localhost\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    // The verifier key is the server key the history publishes.
    expect(parseVerifierKey(published.verifierKey).rawKey.toString('base64url')).toBe(keys.at(-1)?.publicKey);

    const record = JSON.parse(text) as ApprovalRecord;
    expect(record.audit.tlogProofs).toHaveLength(record.audit.entries.length);
    expect(record.audit.tlogProofs?.[0]).toMatch(/^c2sp\.org\/tlog-proof@v1\nindex [0-9]+\n([A-Za-z0-9+/]{43}=\n)*\nlocalhost\n/);

    const verdict = verifyRecordLog(text, published.verifierKey);
    expect(verdict.problems).toEqual([]);
    expect(verdict).toMatchObject({ ok: true, origin: 'localhost', treeSize: record.audit.treeHead.treeSize, entriesProved: record.audit.entries.length });
    // The app's own verifier agrees.
    const own = await verifyRecordText(text, { trustedKeys: keys });
    expect(own.checks.filter((check) => !check.ok)).toEqual([]);
    expect(own.checks.map((check) => check.label)).toEqual(expect.arrayContaining(['Checkpoint (C2SP signed note)', 'Inclusion proofs (C2SP tlog-proof)']));
    expect(recordOutcome(own)).toBe('valid');

    // Each of these is caught by the independent verifier: a rewritten entry, a checkpoint
    // with another root (its signature then fails), a proof for another leaf, another log's key.
    const entry = JSON.parse(text) as ApprovalRecord;
    const first = entry.audit.entries[0];
    if (!first) throw new Error('no entry');
    first.at = '2020-01-01T00:00:00.000Z';
    expect(verifyRecordLog(JSON.stringify(entry), published.verifierKey).problems[0]).toMatch(new RegExp(`^entry #${first.seq}: its content hashes to`));

    const root = JSON.parse(text) as ApprovalRecord;
    const lines = (root.audit.checkpoint ?? '').split('\n');
    lines[2] = Buffer.alloc(32, 7).toString('base64');
    root.audit.checkpoint = lines.join('\n');
    expect(verifyRecordLog(JSON.stringify(root), published.verifierKey).problems).toEqual(['checkpoint: the signature of localhost does not verify']);

    const swapped = JSON.parse(text) as ApprovalRecord;
    const proofs = swapped.audit.tlogProofs ?? [];
    if (proofs.length < 2) throw new Error('too few entries');
    [proofs[0], proofs[1]] = [proofs[1] ?? '', proofs[0] ?? ''];
    expect(verifyRecordLog(JSON.stringify(swapped), published.verifierKey).ok).toBe(false);

    const otherKey = published.verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect(() => verifyRecordLog(text, otherKey)).toThrow('the key ID does not match the key');

    // The app's verifier refuses the changed checkpoint in a record re-signed by the server's key.
    const { key, privateKey } = await currentServerKey(store, () => new Date());
    const { signature: _old, ...body } = root;
    const resigned = await signRecord(privateKey, key.keyId, body);
    const refused = await verifyRecordText(JSON.stringify(resigned), { trustedKeys: keys });
    expect(refused.checks.filter((check) => !check.ok).map((check) => check.label)).toEqual(['Checkpoint (C2SP signed note)']);
    expect(refused.checks.find((check) => !check.ok)?.detail).toBe('/audit/checkpoint: the signature by localhost+' + (/\+([0-9a-f]{8})\+/.exec(published.verifierKey)?.[1] ?? '') + ' does not verify.');
  }, 120_000);
});
