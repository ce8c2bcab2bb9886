import { beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../contracts/decisions.ts';
import type { DecisionSignature, ServerKey, SignatureMaterial, SigningPayload } from '../contracts/signatures.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { signingChallenge } from './challenge.ts';
import { countersign, generateServerKey, importServerPrivateKey } from './countersign.ts';
import { createSoftwarePasskey, type SoftwarePasskey } from '#tests/support/software-authenticator.ts';
import { demonstrationReason, verifyDecisionSignature, type DecisionSignatureCheck } from './verify-decision.ts';

const origin = 'https://approvals.example.com';
const rpId = 'approvals.example.com';
const storedHash = 'c0ffee'.repeat(10) + 'c0ff';
const otherHash = 'deadbeef'.repeat(8);

const decision: Decision = {
  id: 'dec-42',
  packageId: 'pkg-7',
  versionNumber: 3,
  stepKey: 'model_risk',
  role: 'model_risk',
  decision: 'approve_with_conditions',
  meaning: 'Approved with conditions',
  reason: 'Performance holds on the 2025 holdout.',
  conditions: { scope: 'Retail cards only', reReviewOn: '2026-09-01', text: 'Monitor PSI monthly.' },
  concerns: [],
  actor: { id: 'u-7', displayName: 'Ada Lovelace', title: 'Model validator' },
  contentHash: storedHash,
  decidedAt: '2026-03-01T10:00:05.000Z',
};

function payloadOf(record: Decision): SigningPayload {
  return {
    type: 'model-approval-signature/1',
    packageId: record.packageId,
    versionNumber: record.versionNumber,
    contentHash: record.contentHash,
    stepKey: record.stepKey,
    role: record.role,
    decision: record.decision,
    meaning: record.meaning,
    reason: record.reason,
    conditions: record.conditions,
    concerns: record.concerns,
    signer: record.actor,
    nonce: 'nonce-0123456789abcdef',
    issuedAt: '2026-03-01T10:00:00.000Z',
  };
}

let serverKey: ServerKey;
let privateKey: CryptoKey;
let passkey: SoftwarePasskey;

beforeAll(async () => {
  const generated = await generateServerKey();
  serverKey = { keyId: generated.keyId, algorithm: 'Ed25519', publicKey: generated.publicKey, createdAt: '2026-01-01T00:00:00.000Z' };
  privateKey = await importServerPrivateKey(generated.privateKeyPkcs8);
  passkey = await createSoftwarePasskey();
});

/** Signs `record` as the browser and server would: payload, authentication, countersignature. */
async function sign(record: Decision, method: 'password' | 'passkey' | 'demo', payload = payloadOf(record)): Promise<DecisionSignature> {
  let material: SignatureMaterial = { method: method === 'demo' ? 'demo' : 'password' };
  if (method === 'passkey') {
    const assertion = await passkey.sign({ challenge: await signingChallenge(payload), origin, rpId });
    material = { method: 'passkey', credentialId: 'Y3JlZC0x', publicKeyJwk: passkey.publicKeyJwk, ...assertion };
  }
  const countersignature = await countersign(privateKey, serverKey.keyId, {
    type: 'model-approval-countersignature/1',
    decisionId: record.id,
    decidedAt: record.decidedAt,
    payload,
    signature: material,
  });
  return { payload, signature: material, countersignature };
}

function check(record: Decision, signature: DecisionSignature | null, overrides: Partial<DecisionSignatureCheck> = {}): DecisionSignatureCheck {
  return { decision: record, signature, recomputedContentHash: storedHash, serverKeys: [serverKey], expectedOrigin: origin, expectedRpId: rpId, ...overrides };
}

const contentChanged = 'Content changed after signing: the stored version hashes to deadbeefdead…, the signature covers c0ffeec0ffee….';
const countersignatureFails = 'The server countersignature does not verify.';

describe('verifyDecisionSignature', () => {
  it('finds a password decision VALID', async () => {
    expect(await verifyDecisionSignature(check(decision, await sign(decision, 'password')))).toEqual({ decisionId: 'dec-42', valid: true, demonstration: false, reasons: [] });
  });

  it('finds a passkey decision VALID, with or without origin checks', async () => {
    const signature = await sign(decision, 'passkey');
    expect(await verifyDecisionSignature(check(decision, signature))).toEqual({ decisionId: 'dec-42', valid: true, demonstration: false, reasons: [] });
    expect(await verifyDecisionSignature(check(decision, signature, { expectedOrigin: null, expectedRpId: null }))).toEqual({
      decisionId: 'dec-42',
      valid: true,
      demonstration: false,
      reasons: [],
    });
  });

  it('never finds seeded demonstration data VALID, and still reports what was changed in it', async () => {
    const signature = await sign(decision, 'demo');
    expect(await verifyDecisionSignature(check(decision, signature))).toEqual({ decisionId: 'dec-42', valid: false, demonstration: true, reasons: [demonstrationReason] });
    const changed = await verifyDecisionSignature(check(decision, signature, { recomputedContentHash: 'deadbeef'.repeat(8) }));
    expect(changed).toEqual({ decisionId: 'dec-42', valid: false, demonstration: true, reasons: [demonstrationReason, contentChanged] });
  });

  it('compares conditions by their canonical form, not their key order', async () => {
    const signature = await sign(decision, 'password');
    const reordered = { ...decision, conditions: { text: 'Monitor PSI monthly.', reReviewOn: '2026-09-01', scope: 'Retail cards only' } };
    expect((await verifyDecisionSignature(check(reordered, signature))).valid).toBe(true);
  });

  it('finds a decision with a countersignature by an older, still published key VALID', async () => {
    const signature = await sign(decision, 'password');
    const newer = await generateServerKey();
    const keys = [{ ...serverKey, keyId: newer.keyId, publicKey: newer.publicKey }, serverKey];
    expect((await verifyDecisionSignature(check(decision, signature, { serverKeys: keys }))).valid).toBe(true);
  });

  it('reports a decision without a signature', async () => {
    expect(await verifyDecisionSignature(check(decision, null))).toEqual({
      decisionId: 'dec-42',
      valid: false,
      demonstration: false,
      reasons: ['No electronic signature is recorded for this decision.'],
    });
  });

  it('reports content changed after signing', async () => {
    const verdict = await verifyDecisionSignature(check(decision, await sign(decision, 'password'), { recomputedContentHash: otherHash }));
    expect(verdict).toEqual({ decisionId: 'dec-42', valid: false, demonstration: false, reasons: [contentChanged] });
  });

  it('reports a signed version that cannot be found', async () => {
    const verdict = await verifyDecisionSignature(check(decision, await sign(decision, 'passkey'), { recomputedContentHash: null }));
    expect(verdict.reasons).toEqual(['The signed version could not be found.']);
  });

  it('reports a decision record changed after signing', async () => {
    const signature = await sign(decision, 'password');
    const edited = { ...decision, reason: 'Performance holds.', actor: { ...decision.actor, id: 'u-8' } };
    expect((await verifyDecisionSignature(check(edited, signature))).reasons).toEqual(['The decision record differs from what was signed: reason, signer.']);
  });

  it('reports a meaning that is not the meaning of the decision', async () => {
    const mislabelled: Decision = { ...decision, decision: 'reject', conditions: null, meaning: 'Approved' };
    const verdict = await verifyDecisionSignature(check(mislabelled, await sign(mislabelled, 'passkey')));
    expect(verdict).toEqual({
      decisionId: 'dec-42',
      valid: false,
      demonstration: false,
      reasons: ['The signed meaning "Approved" is not the meaning of the decision made ("Rejected").'],
    });
  });

  it('reports a tampered countersignature', async () => {
    const signature = await sign(decision, 'password');
    const value = fromBase64Url(signature.countersignature.value);
    value[0] = (value[0] ?? 0) ^ 0x01;
    const tampered = { ...signature, countersignature: { ...signature.countersignature, value: toBase64Url(value) } };
    expect((await verifyDecisionSignature(check(decision, tampered))).reasons).toEqual([countersignatureFails]);
  });

  it('reports a decision time changed after countersigning', async () => {
    const signature = await sign(decision, 'password');
    const verdict = await verifyDecisionSignature(check({ ...decision, decidedAt: '2026-02-01T10:00:05.000Z' }, signature));
    expect(verdict.reasons).toEqual([countersignatureFails]);
  });

  it('reports a countersignature by an unknown server key', async () => {
    const signature = await sign(decision, 'password');
    const verdict = await verifyDecisionSignature(check(decision, signature, { serverKeys: [] }));
    expect(verdict.reasons).toEqual([`Countersigned with an unknown server key ${serverKey.keyId}.`]);
  });

  it('reports a passkey used on another site', async () => {
    const signature = await sign(decision, 'passkey');
    const verdict = await verifyDecisionSignature(check(decision, signature, { expectedOrigin: 'https://other.example.com' }));
    expect(verdict.reasons).toEqual(['Passkey signature invalid: the passkey was used on "https://approvals.example.com", not on "https://other.example.com".']);
  });

  it('reports a passkey assertion that does not sign the stored payload', async () => {
    // Payload and record both rewritten consistently: only the cryptography can tell.
    const signature = await sign(decision, 'passkey');
    const rewritten = { ...decision, reason: 'Rewritten.' };
    const forged = { ...signature, payload: { ...signature.payload, reason: 'Rewritten.' } };
    expect((await verifyDecisionSignature(check(rewritten, forged))).reasons).toEqual([
      'Passkey signature invalid: the passkey signed a different challenge, so it was not made for this decision.',
      countersignatureFails,
    ]);
  });

  it('reports every problem at once', async () => {
    const signature = await sign(decision, 'passkey');
    const edited = { ...decision, versionNumber: 4, concerns: [{ sectionKey: 'performance', concern: 'Drift.', requiredChange: 'Retrain.' }] };
    const verdict = await verifyDecisionSignature(
      check(edited, signature, { recomputedContentHash: otherHash, expectedRpId: 'other.example.com', serverKeys: [{ ...serverKey, keyId: 'retired' }] }),
    );
    expect(verdict).toEqual({
      decisionId: 'dec-42',
      valid: false,
      demonstration: false,
      reasons: [
        contentChanged,
        'The decision record differs from what was signed: version, concerns.',
        'Passkey signature invalid: the passkey belongs to another site (its relying party is not "other.example.com").',
        `Countersigned with an unknown server key ${serverKey.keyId}.`,
      ],
    });
  });

  it('reports data that cannot be canonicalized instead of throwing', async () => {
    const signature = await sign(decision, 'passkey');
    const broken = { ...signature, payload: { ...signature.payload, versionNumber: Number.NaN } };
    const verdict = await verifyDecisionSignature(check(decision, broken));
    expect(verdict).toEqual({
      decisionId: 'dec-42',
      valid: false,
      demonstration: false,
      reasons: [
        'The decision record differs from what was signed: version.',
        'Passkey signature invalid: the signed payload has no canonical form (Cannot canonicalize the value at /versionNumber: NaN is not a JSON number).',
        countersignatureFails,
      ],
    });
  });
});
