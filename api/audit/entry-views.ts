import type { AuditEntryView } from '#domain/contracts/audit.ts';
import type { ChainEntry } from '#domain/audit/verify-chain.ts';
import { parseStoredJson } from '#domain/audit/stored-json.ts';
import type { AuditFilter, StoredAuditEntry, StoredUser, StoreTx } from '../store/store.ts';

// Audit rows as they are read back: for people (with display names) and for the chain
// check (exactly what the hash covers), a page at a time.

/** Entries read per query when the whole log is read: bounded memory per round trip. */
export const auditPageSize = 5_000;

/** What reading and checking the log needs of the store (a read-only slice of the port). */
export type AuditLogReader = Pick<StoreTx, 'listUsers' | 'listAuditEntries'>;


export function toAuditEntryView(entry: StoredAuditEntry, users: ReadonlyMap<string, Pick<StoredUser, 'displayName'>>): AuditEntryView {
  return {
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorId === null ? null : (users.get(entry.actorId)?.displayName ?? null),
    action: entry.action,
    subject: entry.subject,
    before: parseStoredJson(entry.beforeJson),
    after: parseStoredJson(entry.afterJson),
    prevHash: entry.prevHash,
    ...(entry.subjectPrev === null ? {} : { subjectPrev: entry.subjectPrev }),
    entryHash: entry.entryHash,
  };
}

/**
 * The entries matching `filter` after `afterSeq`, oldest first, one query per page; the first
 * page is yielded even when empty. Reads stop at the first page shorter than `pageSize`.
 */
export async function* auditPages(store: Pick<StoreTx, 'listAuditEntries'>, filter: AuditFilter, afterSeq: number, pageSize: number): AsyncGenerator<StoredAuditEntry[]> {
  for (let after = afterSeq; ; ) {
    const page = await store.listAuditEntries(filter, after, pageSize);
    yield page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}

/** A stored row as the chain check reads it (no display names: the hash does not cover them). */
export function chainEntryOf(row: StoredAuditEntry): ChainEntry {
  const link = row.subjectPrev === null ? {} : { subjectPrev: row.subjectPrev };
  return { seq: row.seq, at: row.at, actorId: row.actorId, action: row.action, subject: row.subject, before: parseStoredJson(row.beforeJson), after: parseStoredJson(row.afterJson), prevHash: row.prevHash, ...link, entryHash: row.entryHash };
}

/** Whether two reads of one row found it the same. */
export function sameRow(a: StoredAuditEntry, b: StoredAuditEntry): boolean {
  return a.seq === b.seq && a.at === b.at && a.actorId === b.actorId && a.action === b.action && a.subject === b.subject && a.beforeJson === b.beforeJson && a.afterJson === b.afterJson && a.prevHash === b.prevHash && a.subjectPrev === b.subjectPrev && a.entryHash === b.entryHash;
}

// Tree heads, proofs and records are served from a verified prefix kept per store (so per
// process: each API instance keeps its own): the chain state and the Merkle tree of every
// entry this process has read and checked. A call reads only the entries after it (and the
// last one again, so a log truncated or rewritten at its end shows), checks them through the
// same chain verifier, and appends their leaves. Heads are signed over what was verified when
// it was read, so a later rewrite of an old row can never borrow the server's signature; the
// explicit GET /api/audit/verify still reads and checks everything (docs/decisions/0027).

