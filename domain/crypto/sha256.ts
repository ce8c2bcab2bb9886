// SHA-256 through WebCrypto, the one crypto API that browsers, Node 24 and an offline
// verifier page share (Node's own `crypto` module would not run in the browser). Everything
// in domain/ reaches crypto.subtle through subtleCrypto() here.
import { ownBytes } from './bytes.ts';

const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of `data`; strings are hashed as their UTF-8 bytes. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return bytesToHex(await sha256Bytes(data));
}

/** The 32-byte SHA-256 digest, for signatures and challenges that need the bytes. */
export async function sha256Bytes(data: Uint8Array | string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : ownBytes(data);
  return new Uint8Array(await subtleCrypto().digest('SHA-256', bytes));
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Lowercase hex, two digits per byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX_BYTES[byte] ?? '';
  return hex;
}

export function subtleCrypto(): SubtleCrypto {
  // Typed as always present, but browsers only expose it in secure contexts (https, localhost).
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (subtle === undefined) {
    throw new Error('WebCrypto (crypto.subtle) is unavailable: browsers only provide it on https:// or localhost');
  }
  return subtle;
}
