import type { AuditEvent } from '#domain/contracts/audit-events.ts';

// The audit slice of the storage port: the hash-chained log and its published tree heads.

export interface AuditAppend {
  event: AuditEvent;
  actorId: string | null;
  at: string;
}

/** An audit row exactly as stored: before/after as their JSON text, unparsed, so a tampered row can still be read and named. */
export interface StoredAuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  subject: string;
  beforeJson: string;
  afterJson: string;
  prevHash: string;
  /** The previous entry about the same subject (docs/decisions/0180); null on rows written before it. */
  subjectPrev: string | null;
  entryHash: string;
}

/** A package.chain_changed entry as the workflow state reads it (docs/decisions/0193): when, from which template, after which decisions. */
export interface StoredChainMove {
  packageId: string;
  seq: number;
  at: string;
  /** The template the package left. */
  from: { key: string; version: number };
  /** The decisions signed before the move; absent in entries written before 0193. */
  decided?: string[];
}

/** Filters on the audit log; every bound inclusive, entries oldest first. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  /** Only entries about this subject (a package id, a user id). */
  subject?: string;
  fromAt?: string;
  toAt?: string;
}

/** A published tree head, kept so later checks can prove the log only grew since. */
export interface StoredTreeHead {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

/** A witness's cosignature line for the checkpoint of a tree size (docs/decisions/0105). */
export interface StoredCosignature {
  witness: string;
  treeSize: number;
  rootHash: string;
  line: string;
  cosignedAt: string;
}

export interface AuditStore {
  appendAudit(entry: AuditAppend): Promise<{ seq: number; entryHash: string }>;
  /** Up to `limit` entries matching `filter` with seq above `afterSeq`, ascending by seq. */
  listAuditEntries(filter: AuditFilter, afterSeq: number, limit: number): Promise<StoredAuditEntry[]>;
  /**
   * Up to `limit` entries with seq above `afterSeq`, ascending, as NDJSON: one
   * `auditChainLineSchema` object per line, each ending in a line break (the chain stream's
   * page); `lastSeq` is the seq of its last line, `count` its lines.
   */
  readAuditChainLines(afterSeq: number, limit: number): Promise<{ text: string; count: number; lastSeq: number }>;
  /** Up to `limit` entries matching `filter` with seq below `beforeSeq`, newest (highest seq) first. */
  listAuditEntriesNewestFirst(filter: AuditFilter, beforeSeq: number, limit: number): Promise<StoredAuditEntry[]>;
  countAuditEntries(filter: AuditFilter): Promise<number>;
  /** The chain moves of these packages (or of all), oldest first: read through the action index, a handful of entries. */
  listChainMoves(packageIds: readonly string[] | 'all'): Promise<StoredChainMove[]>;
  /** The distinct user ids that acted in the entries matching `filter` (the system's entries have none). */
  listAuditActorIds(filter: AuditFilter): Promise<string[]>;
  /** The highest seq written (0 for an empty log). */
  auditLogSize(): Promise<number>;
  /** seq and entryHash of every entry with seq <= upToSeq, ascending: the Merkle tree's leaves. */
  listAuditEntryHashes(upToSeq: number): Promise<{ seq: number; entryHash: string }[]>;

  /** Idempotent per tree size: a second head for a size already published is ignored (false). */
  insertTreeHead(head: StoredTreeHead): Promise<boolean>;
  /** Every published head, ascending by size. */
  listTreeHeads(): Promise<StoredTreeHead[]>;

  /** Idempotent per witness and size (false when one is kept already). */
  insertCosignature(cosignature: StoredCosignature): Promise<boolean>;
  /** The cosignatures of one tree size, or the latest of one witness. */
  listCosignatures(filter: { treeSize: number } | { witness: string; latest: true }): Promise<StoredCosignature[]>;
}
