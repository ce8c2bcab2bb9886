import type { AuditBreak, SignedTreeHead } from '#domain/contracts/audit.ts';

// Messages between the audit page and the integrity worker. One request per worker: the
// page starts a worker for a check and terminates it when the check is no longer wanted.

export interface IntegrityRequest {
  /** The tree head this browser verified last time, if any: the log must still extend it. */
  lastVerified: SignedTreeHead | null;
  /** Entries per request (the API allows up to 10,000). */
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
  timings: {
    /** From the start to the verdict, reading included. */
    totalMs: number;
    /** Time spent recomputing and checking, reading excluded. */
    verifyMs: number;
  };
}

export type IntegrityMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'done'; result: IntegrityResult }
  | { type: 'error'; message: string };
