// The server's signature over a whole approval record: Ed25519 over the RFC 8785 form of the
// record without its `signature` member. The verifier computes the message from the value it
// parsed out of the file (not from a schema's output, which may trim or fill in), so the
// signature covers exactly the document that was received.
import { ownBytes } from '../crypto/bytes.ts';
import { subtleCrypto } from '../crypto/sha256.ts';
import type { ApprovalRecord, ApprovalRecordBody } from '../contracts/record.ts';
import { canonicalBytes } from '../json/canonicalize.ts';
import { fromBase64Url, toBase64Url } from '../signing/base64url.ts';

const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;

/** The exact bytes the server signs: the canonical form of `value` without its top-level `signature`. Throws for a value with no canonical form. */
export function recordSignedBytes(value: unknown): Uint8Array {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return canonicalBytes(value);
  const body = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'signature'));
  return canonicalBytes(body);
}

export async function signRecord(privateKey: CryptoKey, keyId: string, body: ApprovalRecordBody): Promise<ApprovalRecord> {
  const value = await subtleCrypto().sign(ED25519, privateKey, ownBytes(recordSignedBytes(body)));
  return { ...body, signature: { keyId, algorithm: 'Ed25519', value: toBase64Url(new Uint8Array(value)) } };
}

/**
 * Whether `signatureValue` (base64url) is an Ed25519 signature by `publicKey` (raw, base64url)
 * over the record `value`. False, not an exception, for a malformed key, signature or value.
 */
export async function verifyRecordSignatureValue(value: unknown, publicKey: string, signatureValue: string): Promise<boolean> {
  try {
    const rawKey = fromBase64Url(publicKey);
    if (rawKey.length !== PUBLIC_KEY_BYTES) return false;
    const key = await subtleCrypto().importKey('raw', rawKey, ED25519, false, ['verify']);
    return await subtleCrypto().verify(ED25519, key, fromBase64Url(signatureValue), ownBytes(recordSignedBytes(value)));
  } catch {
    return false;
  }
}
