// SHA-256 of a value's RFC 8785 canonical form: what reviewers sign, computed for every
// package a sign dialog shows and every version the server stores.
//
// Speed: the digest itself is a fixed cost, so the work around it is what we can trim. The
// canonical text is written as UTF-8 in pieces (json/canonical-bytes.ts) rather than built as
// one string and encoded. A fresh buffer per call (5 MB for a large package) costs its
// zero-filling and, later, a garbage collection; in Chromium that was a fifth of the total. So
// the bytes go into a scratch buffer kept between calls. A call takes the buffer while it
// needs it and gives it back afterwards, so overlapping calls never share bytes, whatever the
// WebCrypto implementation does with its input while the digest runs.
import { writeCanonicalBytes } from '../json/canonical-bytes.ts';
import { bytesToHex, subtleCrypto } from './sha256.ts';

/** Larger buffers are not kept: a rare huge value should not pin its memory for good. */
const KEEP_AT_MOST = 32 * 1024 * 1024;
let spare: Uint8Array<ArrayBuffer> | null = null;

/** The 32-byte SHA-256 digest of canonicalize(value). Throws CanonicalizationError. */
export async function canonicalSha256(value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const taken = spare;
  spare = null;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = writeCanonicalBytes(value, taken);
  } catch (error) {
    if (taken !== null) giveBack(taken);
    throw error;
  }
  try {
    return new Uint8Array(await subtleCrypto().digest('SHA-256', bytes));
  } finally {
    // The whole buffer the bytes were written into: the one taken, or a larger one.
    giveBack(new Uint8Array(bytes.buffer));
  }
}

/** Keeps the larger of the returned buffer and one an overlapping call gave back meanwhile. */
function giveBack(buffer: Uint8Array<ArrayBuffer>): void {
  if (buffer.length <= KEEP_AT_MOST && (spare === null || spare.length < buffer.length)) spare = buffer;
}

/** Lowercase hex of canonicalSha256(value). */
export async function canonicalSha256Hex(value: unknown): Promise<string> {
  return bytesToHex(await canonicalSha256(value));
}
