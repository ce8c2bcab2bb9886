// Byte helpers for the crypto and signing code. WebCrypto's BufferSource only takes views over a
// plain ArrayBuffer (TypeScript's `Uint8Array<ArrayBuffer>`), so every byte string that
// reaches crypto.subtle goes through ownBytes first.

/** `data` itself if it views a plain ArrayBuffer, otherwise a copy (e.g. of a SharedArrayBuffer view). */
export function ownBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return isOverArrayBuffer(data) ? data : new Uint8Array(data);
}

function isOverArrayBuffer(data: Uint8Array): data is Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Byte equality. Not constant-time: everything compared here is public (hashes, challenges). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    if (a[index] !== b[index]) return false;
  }
  return true;
}
