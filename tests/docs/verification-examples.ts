// The worked examples of docs/verification.md, built from the code with a fixed key (Ed25519
// is deterministic, so they come out byte for byte the same every time). The test beside it
// compares them with the document and verifies the document's copies independently.
import { auditEntryHashSync } from '#domain/audit/entry-hash-sync.ts';
import { genesisHash } from '#domain/audit/hash-entry.ts';
import { leafHash, MerkleTree } from '#domain/audit/merkle.ts';
import { noteVerifierKey, signCheckpoint, tlogProof } from '#domain/audit/checkpoint.ts';
import { bytesToHex, hexToBytes } from '#domain/crypto/hex.ts';
import { subtleCrypto } from '#domain/crypto/sha256.ts';
import { serverKeyId } from '#domain/signing/countersign.ts';
import { nextKeyStatement } from '#domain/signing/key-history.ts';
import { fromBase64Url } from '#domain/signing/base64url.ts';
import { countersign } from '#domain/signing/countersign.ts';
import { attestDecision, decisionStatement } from '#domain/evidence/attestation.ts';
import { cosign, witnessVerifierKey } from '#domain/audit/witness.ts';
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import { signingPayloadType, type SignedDecision } from '#domain/contracts/signatures.ts';

/** PKCS #8 of the Ed25519 key whose 32-byte seed is 0x01 0x02 … 0x20 (an example key: never use it). */
const pkcs8Of = (seed: number[]) => new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...seed]);
const examplePkcs8 = pkcs8Of(Array.from({ length: 32 }, (_, i) => i + 1));
/** The example witness key: seed 0x21 0x22 … 0x40. */
const witnessPkcs8 = pkcs8Of(Array.from({ length: 32 }, (_, i) => i + 33));

/** An example decision (password re-entry), countersigned with the example key. */
async function exampleDecision(privateKey: CryptoKey, keyId: string): Promise<SignedDecision> {
  const signer = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };
  const base = { packageId: 'pkg_example', versionNumber: 1, contentHash: 'ab'.repeat(32), stepKey: 'model_risk', role: 'model_risk' as const, decision: 'approve' as const, meaning: decisionMeanings.approve, reason: 'Calibration meets policy.', conditions: null, concerns: [] };
  const payload = { type: signingPayloadType, ...base, signer, nonce: 'example-nonce-0123456789abcdef', issuedAt: '2026-01-02T08:59:00.000Z' };
  const decidedAt = '2026-01-02T09:00:00.000Z';
  const countersignature = await countersign(privateKey, keyId, { type: 'model-approval-countersignature/1', decisionId: 'dec_example', decidedAt, payload, signature: { method: 'password' } });
  return { id: 'dec_example', ...base, actor: signer, decidedAt, signature: { payload, signature: { method: 'password' }, countersignature }, onBehalfOf: null };
}

export async function verificationExamples(): Promise<Record<string, string>> {
  const privateKey = await subtleCrypto().importKey('pkcs8', examplePkcs8, { name: 'Ed25519' }, true, ['sign']);
  const publicKey = (await subtleCrypto().exportKey('jwk', privateKey)).x ?? '';
  const keyId = await serverKeyId(fromBase64Url(publicKey));

  const keyStatement = await nextKeyStatement([], { keyId, publicKey, privateKey }, '2026-01-01T00:00:00.000Z', null);

  const entries = [1, 2, 3].reduce<{ seq: number; at: string; actorId: string | null; prevHash: string; action: string; subject: string; before: unknown; after: unknown; entryHash: string }[]>((chain, seq) => {
    const fields = { seq, at: `2026-01-0${seq}T09:00:00.000Z`, actorId: 'usr_owner', prevHash: chain.at(-1)?.entryHash ?? genesisHash, action: 'package.submitted', subject: `pkg_example_${seq}`, before: null, after: { version: 1, contentHash: 'ab'.repeat(32) } };
    return [...chain, { ...fields, entryHash: auditEntryHashSync(fields) }];
  }, []);
  const tree = new MerkleTree(entries.map((entry) => leafHash(hexToBytes(entry.entryHash))));
  const rootHash = bytesToHex(tree.root());
  const checkpoint = await signCheckpoint({ origin: 'approvals.example.com', treeSize: 3, rootHash, publicKey, privateKey });
  const proof = tlogProof(1, tree.inclusionPath(1, 3), checkpoint);

  const recordPackage = { package: { modelKey: 'example-model', modelName: 'Example model', versionLabel: '1.0.0' } } as Parameters<typeof decisionStatement>[0];
  const decision = await exampleDecision(privateKey, keyId);
  const attestation = await attestDecision(privateKey, keyId, recordPackage, decision);

  const witnessKey = await subtleCrypto().importKey('pkcs8', witnessPkcs8, { name: 'Ed25519' }, true, ['sign']);
  const witnessPublic = (await subtleCrypto().exportKey('jwk', witnessKey)).x ?? '';
  const cosignature = await cosign({ name: 'witness.example', publicKey: witnessPublic, privateKey: witnessKey, timestamp: 1_767_312_000, note: checkpoint });
  return {
    'public-key': `${publicKey}\n`,
    'key-statement': `${JSON.stringify(keyStatement, null, 2)}\n`,
    'audit-entry': `${JSON.stringify(entries[1], null, 2)}\n`,
    checkpoint,
    'verifier-key': `${await noteVerifierKey('approvals.example.com', publicKey)}\n`,
    'tlog-proof': proof,
    'attestation-statement': `${JSON.stringify(decisionStatement(recordPackage, decision), null, 2)}\n`,
    'attestation-bundle': `${JSON.stringify(attestation.bundle, null, 2)}\n`,
    'witness-key': `${await witnessVerifierKey('witness.example', witnessPublic)}\n`,
    'cosigned-checkpoint': `${checkpoint}${cosignature}\n`,
  };
}
