import { canonicalBytes } from '../json/canonicalize.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import type { AuditEvent } from '../contracts/audit-events.ts';

/** The previous-hash of the first entry in the chain. */
export const genesisHash = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actorId: string | null;
  prevHash: string;
  /**
   * The entryHash of the previous entry about the same subject (genesis for its first), on
   * entries written since docs/decisions/0180; absent on older ones, whose hash keeps its preimage.
   */
  subjectPrev?: string;
}

/** SHA-256 over the canonical form of everything the entry says, including its link. */
export async function hashAuditEntry(event: AuditEvent, fields: ChainedFields): Promise<string> {
  return sha256Hex(
    canonicalBytes({
      seq: fields.seq,
      at: fields.at,
      actorId: fields.actorId,
      prevHash: fields.prevHash,
      action: event.action,
      subject: event.subject,
      before: event.before,
      after: event.after,
      ...(fields.subjectPrev === undefined ? {} : { subjectPrev: fields.subjectPrev }),
    }),
  );
}
