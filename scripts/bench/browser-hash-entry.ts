// Bundled for the browser by browser-hash.ts: exactly the canonicalization and hashing the
// app runs before a signature, exposed to the benchmark page.
import { canonicalSha256Hex } from '#domain/crypto/canonical-sha256.ts';

Object.assign(globalThis, { benchCanonicalHash: canonicalSha256Hex });
