// Bundled for the browser by browser-hash.ts: exactly the canonicalization and hashing the
// app runs before a signature, and, for comparison, the `canonicalize` package (RFC 8785's
// own JavaScript implementation, by its authors) followed by the same WebCrypto digest.
import canonicalizeReference from 'canonicalize';
import { canonicalSha256Hex } from '#domain/crypto/canonical-sha256.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';

async function referenceCanonicalHash(value: unknown): Promise<string> {
  const text = canonicalizeReference(value);
  if (text === undefined) throw new Error('canonicalize gave nothing for the package');
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

Object.assign(globalThis, { benchCanonicalHash: canonicalSha256Hex, benchReferenceCanonicalHash: referenceCanonicalHash });
