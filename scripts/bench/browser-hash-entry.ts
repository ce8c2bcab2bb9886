// Bundled for the browser by browser-hash.ts: exactly the canonicalization and hashing the
// app runs before a signature, exposed to the benchmark page.
import { sha256Hex } from '../../domain/crypto/sha256.ts';
import { canonicalBytes } from '../../domain/json/canonicalize.ts';

Object.assign(globalThis, { benchCanonicalHash: (value: unknown) => sha256Hex(canonicalBytes(value)) });
