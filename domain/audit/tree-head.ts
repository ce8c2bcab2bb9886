// Signed tree heads: the server's Ed25519 signature over the RFC 8785 form of {type, treeSize,
// rootHash, timestamp}. Once published, a head commits the server to the first treeSize
// entries: rewriting any of them changes the root, and a later head must extend this one
// (a consistency proof shows it does).
import { treeHeadSchema, type SignedTreeHead, type TreeHead } from '../contracts/audit.ts';
import type { ServerKey } from '../contracts/signatures.ts';
import { ownBytes } from '../crypto/bytes.ts';
import { subtleCrypto } from '../crypto/sha256.ts';
import { canonicalBytes } from '../json/canonicalize.ts';
import { fromBase64Url, toBase64Url } from '../signing/base64url.ts';

const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;

/** The exact bytes signed. Parsing drops keyId and signature (and anything else), so a signed head yields the same bytes as the head it signs. Throws for an invalid head. */
export function treeHeadMessage(head: TreeHead): Uint8Array<ArrayBuffer> {
  return canonicalBytes(treeHeadSchema.parse(head));
}

export async function signTreeHead(privateKey: CryptoKey, keyId: string, head: TreeHead): Promise<SignedTreeHead> {
  const fields = treeHeadSchema.parse(head);
  const signature = await subtleCrypto().sign(ED25519, privateKey, canonicalBytes(fields));
  return { ...fields, keyId, signature: toBase64Url(new Uint8Array(signature)) };
}

/** True only for a valid signature by the listed key the head names; false (never an exception) for anything else. */
export async function verifyTreeHeadSignature(head: SignedTreeHead, keys: readonly ServerKey[]): Promise<boolean> {
  try {
    const key = keys.find((candidate) => candidate.keyId === head.keyId);
    if (key === undefined) return false;
    const rawPublicKey = fromBase64Url(key.publicKey);
    if (rawPublicKey.length !== PUBLIC_KEY_BYTES) return false;
    const publicKey = await subtleCrypto().importKey('raw', rawPublicKey, ED25519, false, ['verify']);
    return await subtleCrypto().verify(ED25519, publicKey, fromBase64Url(head.signature), ownBytes(treeHeadMessage(head)));
  } catch {
    return false;
  }
}
