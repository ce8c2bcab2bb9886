// hashAuditEntry's digest, computed synchronously: the integrity check recomputes the hash of
// every entry in the log (100,000 of them in a browser worker), and awaiting WebCrypto once per
// entry would cost more than the hashing. Same canonical bytes, so the same hex.
import { canonicalBytes } from '../json/canonicalize.ts';
import { isCanonicalJson } from '../json/is-canonical-json.ts';
import { bytesToHex } from '../crypto/hex.ts';
import { sha256Sync } from '../crypto/sha256-sync.ts';
import { parseStoredJson } from './stored-json.ts';
import { asciiPreimageOfStored } from './stored-ascii-preimage.ts';

/** What an entry's hash covers: everything it says, including its link to the previous entry. */
export type HashedAuditFields = {
  seq: number;
  at: string;
  actorId: string | null;
  prevHash: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  /** The previous entry about the same subject (docs/decisions/0180): hashed when a string; null or absent (a row written before it) leaves it out of the preimage. */
  subjectPrev?: string | null | undefined;
};

/** Lowercase hex SHA-256 of the entry's RFC 8785 form. Throws CanonicalizationError for values JSON cannot hold. */
export function auditEntryHashSync(entry: HashedAuditFields): string {
  return bytesToHex(auditEntryDigestSync(entry));
}

/** The same digest as bytes: the Merkle leaf data, without a trip through hex. */
export function auditEntryDigestSync(entry: HashedAuditFields): Uint8Array<ArrayBuffer> {
  // The same members as the object hashAuditEntry builds: extra fields on `entry` (entryHash,
  // actorName) stay out. Written in RFC 8785 order, which gives the same bytes and spares
  // canonicalize a sorted copy of every entry (a million of them in a full check).
  return sha256Sync(
    canonicalBytes({
      action: entry.action,
      actorId: entry.actorId,
      after: entry.after,
      at: entry.at,
      before: entry.before,
      prevHash: entry.prevHash,
      seq: entry.seq,
      subject: entry.subject,
      ...(typeof entry.subjectPrev === 'string' ? { subjectPrev: entry.subjectPrev } : {}),
    }),
  );
}

/** An entry as the chain stream sends it: before and after as the JSON text stored in the row. */
export type StoredAuditFields = Omit<HashedAuditFields, 'before' | 'after'> & { beforeJson: string; afterJson: string };

const encoder = new TextEncoder();
// Reused by every stored entry's digest (one worker, one check at a time, never yielding midway).
let buffer = new Uint8Array(4096);

/**
 * auditEntryDigestSync of the entry the stored texts parse to, without parsing them when it
 * can: when both texts are already in RFC 8785 form (isCanonicalJson: what canonicalize would
 * write for the values they parse to), the entry's canonical text is the outer members written
 * around them, so those are the bytes hashed. Otherwise it parses and canonicalizes as
 * auditEntryDigestSync does. Either way the same bytes, so the same digest
 * (docs/decisions/0160); a text changed in any way changes the bytes hashed. A printable ASCII
 * entry's bytes are written without building the text at all (docs/decisions/0213).
 */
export function storedAuditEntryDigestSync(entry: StoredAuditFields): Uint8Array<ArrayBuffer> {
  const ascii = asciiPreimageOfStored(entry);
  if (ascii !== null) return sha256Sync(ascii);
  const text = canonicalTextOfStored(entry);
  if (text === null) return auditEntryDigestSync({ ...entry, before: parseStoredJson(entry.beforeJson), after: parseStoredJson(entry.afterJson) });
  // A UTF-16 unit takes at most three UTF-8 bytes.
  if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, buffer);
  return sha256Sync(buffer.subarray(0, written));
}

/** The entry's RFC 8785 text written around its stored before/after, or null when that would not be exactly canonicalize's. */
export function canonicalTextOfStored(entry: StoredAuditFields): string | null {
  const { action, actorId, at, prevHash, seq, subject, subjectPrev } = entry;
  // canonicalize refuses lone surrogates and non-finite numbers: the slow path says so.
  if (!Number.isFinite(seq) || !action.isWellFormed() || !(actorId === null || actorId.isWellFormed()) || !at.isWellFormed() || !prevHash.isWellFormed() || !subject.isWellFormed()) return null;
  if (typeof subjectPrev === 'string' && !subjectPrev.isWellFormed()) return null;
  if (!isCanonicalJson(entry.beforeJson) || !isCanonicalJson(entry.afterJson)) return null;
  // RFC 8785 member order ("subject" sorts before "subjectPrev"); JSON.stringify writes a well-formed string and a finite number as RFC 8785 does.
  const link = typeof subjectPrev === 'string' ? `,"subjectPrev":${JSON.stringify(subjectPrev)}` : '';
  return `{"action":${JSON.stringify(action)},"actorId":${JSON.stringify(actorId)},"after":${entry.afterJson},"at":${JSON.stringify(at)},"before":${entry.beforeJson},"prevHash":${JSON.stringify(prevHash)},"seq":${JSON.stringify(seq)},"subject":${JSON.stringify(subject)}${link}}`;
}
