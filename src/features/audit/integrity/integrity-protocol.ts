import type { AuditBreak, SignedTreeHead } from '#domain/contracts/audit.ts';

// Messages between the audit page and the integrity worker. One request per worker: the
// page starts a worker for a check and terminates it when the check is no longer wanted.

/**
 * What a browser keeps of a checkpoint it verified, to check only the entries added after it
 * next time (docs/decisions/0125): the signed C2SP checkpoint verbatim, the hash of its last
 * entry, and that entry's audit path (the tree's right edge). Nothing in it is trusted as
 * stored: the signature, and the path against the signed root, are checked again first.
 */
export interface KeptCheckpoint {
  checkpoint: string;
  lastEntryHash: string;
  edge: string[];
}

export interface IntegrityRequest {
  /** The tree head this browser verified last time, if any: the log must still extend it. */
  lastVerified: SignedTreeHead | null;
  /** The checkpoint this browser verified last time, if any: only what is new since is read. */
  kept?: KeptCheckpoint | null;
  /** Entries checked between two progress reports (the log is read as one stream). */
  pageSize: number;
}

export interface IntegrityResult {
  /** Chain, Merkle root, signature and consistency all hold. */
  intact: boolean;
  /** Entries read and checked. */
  size: number;
  /** Merkle root of every entry read, recomputed here (null for an empty log). */
  rootHash: string | null;
  /** The server's latest signed tree head, checked against the entries read; null when the server refused to sign one over a broken log. */
  head: SignedTreeHead | null;
  headSignatureValid: boolean;
  /** The head remembered from the last check, and whether today's log still extends it. */
  previous: { head: SignedTreeHead; consistent: boolean } | null;
  /** Where the log breaks, entry by entry, then problems of the log as a whole (the chain's list is capped, its last item saying how many more). */
  breaks: AuditBreak[];
  breakCount: number;
  /** The checkpoint to keep for the next check, verified against the entries checked; null when the log did not verify. */
  keep: KeptCheckpoint | null;
  /** Set when only the entries after the kept checkpoint were read and checked. */
  resumed: { fromSize: number; checked: number } | null;
  /** Why a kept checkpoint could not be used, so the whole log was checked instead. */
  fullBecause: string | null;
  timings: {
    /** From the start to the verdict, reading included. */
    totalMs: number;
    /** Time spent recomputing and checking, reading excluded; summed over both workers when the log was split between two, so it can then exceed totalMs. */
    verifyMs: number;
  };
}

export type IntegrityMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'done'; result: IntegrityResult }
  | { type: 'error'; message: string };
