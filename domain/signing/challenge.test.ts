import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256Hex } from '../crypto/sha256.ts';
import { canonicalBytes } from '../json/canonicalize.ts';
import type { SigningPayload } from '../contracts/signatures.ts';
import { signingChallenge } from './challenge.ts';

const payload: SigningPayload = {
  type: 'model-approval-signature/1',
  packageId: 'pkg-1',
  versionNumber: 2,
  contentHash: 'a'.repeat(64),
  stepKey: 'model_risk',
  role: 'model_risk',
  decision: 'approve',
  meaning: 'Approved',
  reason: 'Validated.',
  conditions: null,
  concerns: [],
  signer: { id: 'u-1', displayName: 'Ada Lovelace', title: 'Validator' },
  nonce: 'n'.repeat(32),
  issuedAt: '2026-03-01T10:00:00.000Z',
};

describe('signingChallenge', () => {
  it('is the 32-byte SHA-256 of the canonical payload', async () => {
    const challenge = await signingChallenge(payload);
    expect(challenge).toHaveLength(32);
    expect(bytesToHex(challenge)).toBe(await sha256Hex(canonicalBytes(payload)));
  });

  it('does not depend on the order the payload was written in', async () => {
    const reordered = Object.fromEntries(Object.entries(payload).reverse()) as SigningPayload;
    expect(await signingChallenge(reordered)).toEqual(await signingChallenge(payload));
  });

  it('changes when anything signed changes', async () => {
    const original = bytesToHex(await signingChallenge(payload));
    expect(bytesToHex(await signingChallenge({ ...payload, reason: 'Validated!' }))).not.toBe(original);
    expect(bytesToHex(await signingChallenge({ ...payload, nonce: 'm'.repeat(32) }))).not.toBe(original);
  });
});
