// The server's countersignature: Ed25519 over the RFC 8785 form of the whole decision record
// (payload, signature material, decision id and time). For a password signature it is the
// only cryptographic signature; for a passkey it binds the assertion to the server's record
// and timestamp. Public keys are published (GET /api/keys) so anyone can check offline.
import { canonicalBytes } from '../json/canonicalize.ts';
import { bytesToHex } from '../crypto/sha256.ts';
import type { Countersignature, CountersignedRecord } from '../contracts/signatures.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { ownBytes } from '../crypto/bytes.ts';
import { sha256Bytes, subtleCrypto } from '../crypto/sha256.ts';

const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;

/** The exact bytes the server signs. */
export function countersignedMessage(record: CountersignedRecord): Uint8Array {
  return canonicalBytes(record);
}

export async function countersign(privateKey: CryptoKey, keyId: string, record: CountersignedRecord): Promise<Countersignature> {
  const value = await subtleCrypto().sign(ED25519, privateKey, ownBytes(countersignedMessage(record)));
  return { keyId, algorithm: 'Ed25519', value: toBase64Url(new Uint8Array(value)) };
}

/** False for a wrong signature, but also for an unusable key or record: a verifier only needs yes or no. */
export async function verifyCountersignature(publicKeyBase64url: string, record: CountersignedRecord, countersignature: Countersignature): Promise<boolean> {
  try {
    const rawPublicKey = fromBase64Url(publicKeyBase64url);
    if (rawPublicKey.length !== PUBLIC_KEY_BYTES) return false;
    const publicKey = await subtleCrypto().importKey('raw', rawPublicKey, ED25519, false, ['verify']);
    const signature = fromBase64Url(countersignature.value);
    return await subtleCrypto().verify(ED25519, publicKey, signature, ownBytes(countersignedMessage(record)));
  } catch {
    return false;
  }
}

export type GeneratedServerKey = {
  keyId: string;
  /** The raw 32-byte public key, base64url: what GET /api/keys publishes. */
  publicKey: string;
  /** PKCS #8, base64url: a secret, to be stored by the server and nowhere else. */
  privateKeyPkcs8: string;
};

export async function generateServerKey(): Promise<GeneratedServerKey> {
  const pair = await subtleCrypto().generateKey(ED25519, true, ['sign', 'verify']);
  const rawPublicKey = new Uint8Array(await subtleCrypto().exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtleCrypto().exportKey('pkcs8', pair.privateKey));
  return { keyId: await serverKeyId(rawPublicKey), publicKey: toBase64Url(rawPublicKey), privateKeyPkcs8: toBase64Url(pkcs8) };
}

/** Derived from the key, so an id can never name two different keys. First 16 hex digits of SHA-256(raw key). */
export async function serverKeyId(rawPublicKey: Uint8Array): Promise<string> {
  return bytesToHex(await sha256Bytes(rawPublicKey)).slice(0, 16);
}

/** Not extractable: once imported, the key can sign but not be read back. */
export async function importServerPrivateKey(pkcs8Base64url: string): Promise<CryptoKey> {
  return subtleCrypto().importKey('pkcs8', fromBase64Url(pkcs8Base64url), ED25519, false, ['sign']);
}
