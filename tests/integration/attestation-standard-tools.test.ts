import { createPublicKey } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { currentServerKey } from '#api/signing/server-key.ts';
import type { SigstoreBundle } from '#domain/contracts/attestation.ts';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { signRecord } from '#domain/evidence/record-signature.ts';
import { generateServerKey } from '#domain/signing/countersign.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import type { SendRequest } from '#scripts/lib/api-actor.ts';
import { Client, origin } from '../contract/support/client.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';
import { verifyAttestationBundle } from '../independent/dsse-verifier.ts';

// Issue 17, item 5 (docs/decisions/0104): each decision of a record as an in-toto statement in
// a DSSE envelope inside a Sigstore bundle, signed with the server key. Checked by
// @sigstore/verify (an implementation nobody here wrote) against the published key, and by
// tests/independent/dsse-verifier.ts (node:crypto only, no code shared with the producer).

const defer = cleanUpAfterEach();

async function exported(packageId?: string) {
  const { app, target, store } = await seededSqliteApp(defer);
  const send: SendRequest = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));
  const id = packageId ?? (await approveCardFraudCopy({ origin, send, password: 'demo-password', versionLabel: '7.2.0-attested' })).id;
  const reader = new Client(target);
  expect((await reader.login('committee@example.com')).status).toBe(200);
  const response = await app.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  const keys = ((await reader.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  const resign = async (record: ApprovalRecord) => {
    const { key, privateKey } = await currentServerKey(store, () => new Date());
    const { signature: _old, ...body } = record;
    return JSON.stringify(await signRecord(privateKey, key.keyId, body));
  };
  return { text, record: JSON.parse(text) as ApprovalRecord, keys, resign };
}

/** @sigstore/verify with the published keys as its only trust: no transparency log, no certificate, no timestamp. */
function sigstoreVerify(bundle: SigstoreBundle, keys: readonly ServerKey[]): void {
  const trust = toTrustMaterial({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] }, (hint) => {
    const key = keys.find((k) => k.keyId === hint);
    if (!key) throw new Error(`no published key ${hint}`);
    return { publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' }), validFor: () => true };
  });
  new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundleFromJSON(bundle)));
}

const flipped = (base64: string, at: number) => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};

describe('decision attestations (in-toto, DSSE, Sigstore bundle)', () => {
  it('every decision of a fresh chain has one, which @sigstore/verify and an independent verifier accept with the published key', async () => {
    const { record, text, keys } = await exported();
    const verdict = await verifyRecordText(text, { trustedKeys: keys });
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(record.attestations?.map((a) => a.decisionId)).toEqual(record.decisions.map((d) => d.id));
    expect(verdict.checks.filter((check) => check.label.startsWith('Attestation of decision '))).toHaveLength(record.decisions.length);
    for (const [index, attestation] of (record.attestations ?? []).entries()) {
      const decision = record.decisions[index];
      if (!decision) throw new Error('one attestation per decision');
      expect(() => sigstoreVerify(attestation.bundle, keys)).not.toThrow();
      const content = record.versions.find((v) => v.number === decision.versionNumber)?.content;
      const independent = verifyAttestationBundle(JSON.stringify(attestation.bundle), keys[0]?.publicKey ?? '', content);
      expect(independent.problems).toEqual([]);
      expect(independent.statement).toMatchObject({
        subject: [{ name: `${decision.packageId}/versions/${decision.versionNumber}`, digest: { sha256: decision.contentHash } }],
        predicateType: 'https://model-approval.example/attestation/human-review-decision/v1',
        predicate: { result: 'pass', timestamp: decision.decidedAt, decisionId: decision.id, decision: decision.decision, meaning: decision.meaning, step: decision.stepKey, role: decision.role, signer: decision.actor, signingMethod: 'password' },
      });
    }
  });

  it('the demo’s decisions have them too, and they verify (their predicate says the method was demo)', async () => {
    const { record, keys } = await exported('pkg_card_fraud_detection');
    expect(record.attestations).toHaveLength(record.decisions.length);
    for (const attestation of record.attestations ?? []) {
      expect(() => sigstoreVerify(attestation.bundle, keys)).not.toThrow();
      expect(verifyAttestationBundle(JSON.stringify(attestation.bundle), keys[0]?.publicKey ?? '').statement?.predicate).toMatchObject({ signingMethod: 'demo' });
    }
  });

  it('a one-byte change to the statement or the signature is caught by @sigstore/verify, the independent verifier and the record verifier; so is a foreign key', async () => {
    const { record, keys, resign } = await exported();
    const [first] = record.attestations ?? [];
    if (!first) throw new Error('the record has an attestation');
    const payload = { ...first.bundle, dsseEnvelope: { ...first.bundle.dsseEnvelope, payload: flipped(first.bundle.dsseEnvelope.payload, 40) } };
    const sig = { ...first.bundle, dsseEnvelope: { ...first.bundle.dsseEnvelope, signatures: [{ ...first.bundle.dsseEnvelope.signatures[0], sig: flipped(first.bundle.dsseEnvelope.signatures[0]?.sig ?? '', 5), keyid: first.bundle.verificationMaterial.publicKey.hint }] } };
    for (const bundle of [payload, sig]) {
      expect(() => sigstoreVerify(bundle, keys)).toThrow(/signature verification failed/);
      expect(verifyAttestationBundle(JSON.stringify(bundle), keys[0]?.publicKey ?? '').problems).toContain('no signature verifies with the key');
    }
    const foreign = await generateServerKey();
    expect(() => sigstoreVerify(first.bundle, [{ keyId: first.bundle.verificationMaterial.publicKey.hint, algorithm: 'Ed25519', publicKey: foreign.publicKey, createdAt: '2026-01-01T00:00:00.000Z' }])).toThrow(/signature verification failed/);

    // A dishonest server re-signs the record with a tampered statement: the record verifier rebuilds it from the decision.
    const tampered = structuredClone(record);
    const attestation = tampered.attestations?.[0];
    if (!attestation) throw new Error('the record has an attestation');
    attestation.bundle = payload;
    const verdict = await verifyRecordText(await resign(tampered), { trustedKeys: keys });
    expect(verdict.checks.filter((check) => !check.ok).map((check) => check.label)).toEqual([`Attestation of decision ${attestation.decisionId}`]);
    const dropped = structuredClone(record);
    dropped.attestations = dropped.attestations?.slice(1) ?? [];
    const missing = await verifyRecordText(await resign(dropped), { trustedKeys: keys });
    expect(missing.checks.find((check) => !check.ok)?.detail).toBe(`/attestations has no in-toto attestation of /decisions/0.`);
  });
});
