// hashAuditEntry's digest, computed synchronously: the integrity check recomputes the hash of
// every entry in the log (100,000 of them in a browser worker), and awaiting WebCrypto once per
// entry would cost more than the hashing. Same canonical bytes, so the same hex.
import { canonicalBytes } from '../json/canonicalize.ts';
import { bytesToHex } from '../crypto/hex.ts';
import { sha256Sync } from '../crypto/sha256-sync.ts';

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
    }),
  );
}
