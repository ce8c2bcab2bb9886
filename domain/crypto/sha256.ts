// SHA-256 through WebCrypto, the one digest API that browsers and Node 24 share
// (Node's own `crypto` module would not run in the browser).

const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of `data`; strings are hashed as their UTF-8 bytes. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : toDigestInput(data);
  const digest = await subtleCrypto().digest('SHA-256', bytes);
  return bytesToHex(new Uint8Array(digest));
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Lowercase hex, two digits per byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX_BYTES[byte] ?? '';
  return hex;
}

function subtleCrypto(): SubtleCrypto {
  // Typed as always present, but browsers only expose it in secure contexts (https, localhost).
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (subtle === undefined) {
    throw new Error('WebCrypto (crypto.subtle) is unavailable: browsers only provide it on https:// or localhost');
  }
  return subtle;
}

// WebCrypto refuses views over a SharedArrayBuffer; copy those rather than fail.
function toDigestInput(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return isOverArrayBuffer(data) ? data : new Uint8Array(data);
}

function isOverArrayBuffer(data: Uint8Array): data is Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer;
}
