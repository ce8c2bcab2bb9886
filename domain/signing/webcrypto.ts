// WebCrypto is the one crypto API that browsers, Node 24 and an offline verifier page share,
// so the signing code reaches it only through globalThis.crypto.subtle (never node:crypto).
import { ownBytes } from './bytes.ts';

export function subtle(): SubtleCrypto {
  // Typed as always present, but browsers only expose it in secure contexts (https, localhost).
  const subtleCrypto = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (subtleCrypto === undefined) {
    throw new Error('WebCrypto (crypto.subtle) is unavailable: browsers only provide it on https:// or localhost');
  }
  return subtleCrypto;
}

/** The 32-byte SHA-256 digest (domain/crypto/sha256.ts gives hex; signatures need the bytes). */
export async function sha256Bytes(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', ownBytes(data)));
}

/** The message of an Error, or a description of whatever else was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
