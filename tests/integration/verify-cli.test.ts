import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import { sampleRecord, type SampleRecord } from '../fixtures/sample-record.ts';
import { generateServerKey } from '#domain/signing/countersign.ts';
import { keyFingerprint } from '#domain/evidence/key-pin.ts';
import { runScript } from '../support/run-script.ts';
import { importServerPrivateKey } from '#domain/signing/countersign.ts';
import { noteVerifierKey, signCheckpoint } from '#domain/audit/checkpoint.ts';
import { cosign, witnessVerifierKey } from '#domain/audit/witness.ts';

// `npm run verify -- record.json`, run as a user runs it: a separate Node process on files,
// judged by its exit code and what it prints.

const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sample: SampleRecord;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  sample = await sampleRecord();
});

const verify = (...args: string[]) => runScript('scripts/verify.ts', args);

const lines = (text: string) => text.trimEnd().split('\n');

describe('npm run verify', () => {
  it('exits 0 on a valid record and prints every check it made', async () => {
    const { code, stdout, stderr } = await verify(file('valid.json', sample.text), '--key', sample.serverKey.publicKey);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = lines(stdout);
    expect(printed[1]).toContain('Retail credit probability of default (retail-credit-pd 4.2.0), package pkg_sample_credit: approved');
    const checks = printed.filter((line) => /^[✓✗] /.test(line));
    expect(checks.length).toBeGreaterThan(15);
    expect(checks.every((line) => line.startsWith('✓ '))).toBe(true);
    const fingerprint = await keyFingerprint(sample.serverKey.publicKey);
    expect(stdout).toContain(`✓ Server signature over the record: Ed25519 by server key ${sample.serverKey.keyId} (public key ${sample.serverKey.publicKey}, fingerprint ${fingerprint}), a trusted key.`);
    expect(stdout).toContain('✓ Inclusion proof of audit entry #7: ');
    expect(printed.at(-1)).toBe(`VALID: all ${checks.length} checks passed, signed by a pinned key.`);
  });

  it('reads relative paths from the folder npm was run in, not the repository root', async () => {
    file('here.json', sample.text);
    file('here-keys.json', JSON.stringify({ keys: [sample.serverKey] }));
    // What `cd <dir> && npm --prefix <checkout> run verify -- here.json …` hands the script.
    const asNpmRunsIt = { ...process.env, INIT_CWD: dir, npm_lifecycle_event: 'verify' };
    const { code, stdout, stderr } = await runScript('scripts/verify.ts', ['here.json', '--key-file', 'here-keys.json'], asNpmRunsIt);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(lines(stdout).at(-1)).toMatch(/^VALID: /);
  });

  it('exits 0 with the key pinned by a key file (the JSON of GET /api/keys, or one key) or by its fingerprint', async () => {
    const record = file('valid.json', sample.text);
    const published = file('keys.json', JSON.stringify({ keys: [sample.serverKey] }));
    const raw = file('key.txt', `${sample.serverKey.publicKey}\n`);
    const fingerprint = await keyFingerprint(sample.serverKey.publicKey);
    for (const pin of [['--key-file', published], [`--key-file=${raw}`], ['--fingerprint', fingerprint], ['--fingerprint', fingerprint.toUpperCase()]]) {
      const { code, stdout } = await verify(record, ...pin);
      expect({ pin, code }).toEqual({ pin, code: 0 });
      expect(lines(stdout).at(-1)).toMatch(/^VALID: /);
    }
  });

  it('exits 4, not 0, on a record whose every check passes when no key is pinned: `verify && deploy` stops', async () => {
    const genuine = await verify(file('valid.json', sample.text));
    expect(genuine.code).toBe(4);
    expect(genuine.stdout).toContain('NOT PINNED: the key comes from the record itself');
    expect(lines(genuine.stdout).at(-1)).toMatch(/^CONSISTENT BUT UNPINNED, not evidence of who signed: all \d+ checks passed, but against the key the record carries;/);

    // The attack: the same package, decision and audit trail, every signature (record,
    // countersignature, tree head) made under a key of the forger's own.
    const forged = file('forged.json', (await sampleRecord()).text);
    const fooled = await verify(forged);
    expect(fooled.code).toBe(4);
    expect(lines(fooled.stdout).filter((line) => line.startsWith('✗ '))).toEqual([]);
    const pinned = await verify(forged, '--fingerprint', await keyFingerprint(sample.serverKey.publicKey));
    expect(pinned.code).toBe(1);
    expect(pinned.stdout).toContain('✗ Server signature over the record: Signed with server key');

    // The pipeline of the issue deploys only on exit 0.
    const pipeline = await runScript('scripts/verify.ts', [forged]).then(({ code }) => (code === 0 ? 'deployed' : 'stopped'));
    expect(pipeline).toBe('stopped');
  });

  it('exits 1 on a tampered record and prints every reason', async () => {
    const record = JSON.parse(sample.text) as ApprovalRecord;
    const decision = record.decisions[0];
    if (!decision) throw new Error('the sample has a decision');
    decision.reason = 'Approved without reservations.';
    record.audit.proofs.reverse();
    const { code, stdout } = await verify(file('tampered.json', JSON.stringify(record)));
    expect(code).toBe(1);
    const failed = lines(stdout).filter((line) => line.startsWith('✗ '));
    expect(failed.map((line) => line.split(':')[0])).toEqual([
      '✗ Server signature over the record',
      '✗ Decision dec_sample_approval',
      '✗ Inclusion proof of audit entry #2',
      '✗ Inclusion proof of audit entry #4',
      '✗ Inclusion proof of audit entry #5',
      '✗ Inclusion proof of audit entry #7',
      // The decision's in-toto attestation states the signed reason (docs/decisions/0104).
      '✗ Attestation of decision dec_sample_approval',
    ]);
    expect(stdout).toContain('The decision record differs from what was signed: reason.');
    expect(lines(stdout).at(-1)).toMatch(/^INVALID: 7 of \d+ checks failed\.$/);
  });

  it('exits 1 when the record is signed by a key other than the one given, or is not a record', async () => {
    const stranger = await generateServerKey();
    const untrusted = await verify(file('valid.json', sample.text), `--key=${stranger.publicKey}`);
    expect(untrusted.code).toBe(1);
    expect(lines(untrusted.stdout).at(-1)).toBe(`INVALID: 1 of ${lines(untrusted.stdout).filter((line) => /^[✓✗] /.test(line)).length} checks failed.`);
    expect(untrusted.stdout).toContain('✗ Server signature over the record: Signed with server key');

    const garbage = await verify(file('garbage.json', '{"type": "model-approval-record/1", "type": 2}'));
    expect(garbage.code).toBe(1);
    expect(garbage.stdout).toContain('✗ JSON: /type: Duplicate key "type"');
  });

  it('with --origin, exits 0 only when the record states that relying party: another origin or RP ID, or none, exits 1', async () => {
    const stated = async (relyingParty: { origin: string; rpId: string } | null) => {
      const { signature: _unsigned, ...body } = sample.record;
      return JSON.stringify(await sample.resign({ ...body, ...(relyingParty ? { relyingParty } : {}) }));
    };
    const key = ['--key', sample.serverKey.publicKey];
    const ours = file('ours.json', await stated({ origin: 'https://approvals.example.com', rpId: 'approvals.example.com' }));
    const pass = await verify(ours, ...key, '--origin', 'https://approvals.example.com');
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('✓ Relying party: Passkey assertions were made for https://approvals.example.com (RP ID approvals.example.com), the expected origin.');
    // The attack: a look-alike host relayed the passkey ceremonies; the server signed the record honestly.
    const foreign = await verify(file('foreign.json', await stated({ origin: 'https://approvals.example.co', rpId: 'approvals.example.co' })), ...key, '--origin=https://approvals.example.com');
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain('✗ Relying party: /relyingParty/origin is https://approvals.example.co, not the expected https://approvals.example.com.');
    const otherRpId = await verify(file('rpid.json', await stated({ origin: 'https://approvals.example.com', rpId: 'evil.example' })), ...key, '--origin', 'https://approvals.example.com');
    expect(otherRpId.code).toBe(1);
    expect(otherRpId.stdout).toContain('✗ Relying party: /relyingParty/rpId evil.example is neither approvals.example.com nor a domain it belongs to.');
    const none = await verify(file('none.json', await stated(null)), ...key, '--origin', 'https://approvals.example.com');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('✗ Relying party: The record states no relying party');
    const usage = await verify(ours, ...key, '--origin', 'approvals.example.com');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--origin approvals.example.com: not a web origin');
  });

  it('exits 2 on usage errors: no file, an unreadable file, a malformed key', async () => {
    const none = await verify();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give the record file to verify.');
    expect(none.stderr).toContain('Usage: npm run verify -- <record.json>');

    const missing = await verify(join(dir, 'no-such-record.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot read .*no-such-record\.json: ENOENT/);

    const badKey = await verify(file('valid.json', sample.text), '--key', 'not a key');
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('--key not a key: Invalid base64url');
    const shortKey = await verify(file('valid.json', sample.text), '--key', 'AAAA');
    expect(shortKey.code).toBe(2);
    expect(shortKey.stderr).toContain('an Ed25519 public key is 32 bytes, this is 3');

    const keyAsFingerprint = await verify(file('valid.json', sample.text), '--fingerprint', sample.serverKey.publicKey);
    expect(keyAsFingerprint.code).toBe(2);
    expect(keyAsFingerprint.stderr).toContain(`--fingerprint ${sample.serverKey.publicKey}: expected a fingerprint.`);
    const noKeyFile = await verify(file('valid.json', sample.text), '--key-file', join(dir, 'no-such-keys.json'));
    expect(noKeyFile.code).toBe(2);
    expect(noKeyFile.stderr).toMatch(/^--key-file .*no-such-keys\.json: cannot read it: ENOENT/);
    const emptyKeyFile = await verify(file('valid.json', sample.text), '--key-file', file('empty.json', '{"keys": []}'));
    expect(emptyKeyFile.code).toBe(2);
    expect(emptyKeyFile.stderr).toContain('The key list holds no key.');
  });

  it('with --policy: the log key pins the server key, and the checkpoint must be cosigned by the quorum (exit 1 without it)', async () => {
    const { treeSize, rootHash } = sample.record.audit.treeHead;
    const origin = 'approvals.example.com';
    const checkpoint = await signCheckpoint({ origin, treeSize, rootHash, publicKey: sample.serverKey.publicKey, privateKey: sample.privateKey });
    const witnesses = await Promise.all(
      ['alpha', 'beta'].map(async (name) => {
        const generated = await generateServerKey();
        return { name, publicKey: generated.publicKey, privateKey: await importServerPrivateKey(generated.privateKeyPkcs8) };
      }),
    );
    const policy = file(
      'policy.txt',
      [
        `log ${await noteVerifierKey(origin, sample.serverKey.publicKey)}`,
        ...(await Promise.all(witnesses.map(async (w) => `witness ${w.name} ${await witnessVerifierKey(w.name, w.publicKey)}`))),
        'group both all alpha beta',
        'quorum both',
      ].join('\n'),
    );
    const cosigned = async (names: string[]) =>
      checkpoint + (await Promise.all(witnesses.filter((w) => names.includes(w.name)).map((w) => cosign({ ...w, timestamp: 1_765_000_000, note: checkpoint })))).map((line) => `${line}\n`).join('');
    const record = file('valid.json', sample.text);

    const met = await verify(record, '--policy', policy, '--checkpoint', file('cosigned.txt', await cosigned(['alpha', 'beta'])));
    expect(met.stdout).toContain('✓ Witness quorum (trust policy): ');
    expect(met.stdout).toContain('a trusted key');
    expect(met.code).toBe(0);

    const short = await verify(record, '--policy', policy, '--checkpoint', file('half.json', JSON.stringify({ checkpoint: await cosigned(['alpha']), origin, verifierKey: '' })));
    expect(short.stdout).toContain('✗ Witness quorum (trust policy): The quorum both is not met: cosigned by alpha');
    expect(short.code).toBe(1);

    // The record's own checkpoint (none in this sample) cannot stand in for a cosigned one.
    const own = await verify(record, '--policy', policy);
    expect(own.code).toBe(1);
    expect((await verify(record, '--checkpoint', file('c.txt', checkpoint))).code).toBe(2);
  });

  it('with --log: exits 0 when the log export has the signed root and the record carries every entry about its package; 1 when its last entry was left out (docs/decisions/0180)', async () => {
    const linked = await sampleRecord({ linkedFrom: 1 });
    const log = file('audit-log.ndjson', linked.logExport);
    const honest = await verify(file('linked.json', linked.text), '--key', linked.serverKey.publicKey, '--log', log);
    expect(honest.code).toBe(0);
    expect(honest.stdout).toContain("✓ Audit entries about the package (complete against the log): The log's 4 entries about package pkg_sample_credit up to #8 are exactly the 4 the record carries.");
    // The server re-signs the record without its last entry about the package: against the log it
    // is one short, named (tests/integration/audit-omission.test.ts drops entries whose absence
    // nothing else in a record shows).
    const { signature: _old, ...body } = structuredClone(linked.record);
    body.audit.entries = body.audit.entries.slice(0, -1);
    body.audit.proofs = body.audit.proofs.slice(0, -1);
    if (body.audit.tlogProofs) body.audit.tlogProofs = body.audit.tlogProofs.slice(0, -1);
    const short = file('short.json', JSON.stringify(await linked.resign(body)));
    const held = await verify(short, '--key', linked.serverKey.publicKey, '--log', log);
    expect(held.code).toBe(1);
    expect(held.stdout).toContain('✗ Audit entries about the package (complete against the log): the log holds #7 (decision.signed) about package pkg_sample_credit, which the record does not carry.');
    expect((await verify(short, '--log')).code).toBe(2);
  });
});
