import type { AuditBreak } from '#domain/contracts/audit.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import { leafHash, MerkleTree } from '#domain/audit/merkle.ts';
import { auditEntryDigestSync } from '#domain/audit/entry-hash-sync.ts';
import { ChainVerifier, type ChainEntry } from '#domain/audit/verify-chain.ts';
import { equalBytes } from '#domain/crypto/bytes.ts';
import { problems } from '../kernel/problems.ts';
import type { StoredAuditEntry } from '../store/store.ts';
import { auditPages, auditPageSize, chainEntryOf, sameRow, type AuditLogReader } from './entry-views.ts';

// Tree heads, proofs and records are served from a verified prefix kept per store (so per
// process: each API instance keeps its own): the chain state and the Merkle tree of every
// entry this process has read and checked. A call reads only the entries after it (and the
// last one again, so a log truncated or rewritten at its end shows), checks them through the
// same chain verifier, and appends their leaves. Heads are signed over what was verified when
// it was read, so a later rewrite of an old row can never borrow the server's signature; the
// explicit GET /api/audit/verify still reads and checks everything (docs/decisions/0027).

/** What this process has read of the log and found sound, oldest entry first. */
export class VerifiedPrefix {
  readonly verifier = new ChainVerifier();
  readonly tree = new MerkleTree([]);
  /** The last entry read, as stored: read again on the next call. */
  last: StoredAuditEntry | null = null;
  /** Published heads already found to hold over this prefix: tree size → root. */
  readonly heldHeads = new Map<number, string>();
}

/** The prefix as one call saw it: later calls may grow the tree, never change these sizes. */
export interface VerifiedLog {
  size: number;
  tree: MerkleTree;
  breaks: readonly AuditBreak[];
  /** RFC 6962 leaf hash of entry `seq` as it was when verified. */
  leafOf(seq: number): Uint8Array | undefined;
}

interface PrefixCache {
  prefix: VerifiedPrefix;
  /** Catch-ups run one after another: two at once would push the same entries twice. */
  queue: Promise<unknown>;
}

const prefixes = new WeakMap<AuditLogReader, PrefixCache>();

/** Entries hashed between two turns: a few milliseconds of CPU on a quiet machine. */
const entriesPerTurn = 500;

/**
 * The next turn of the event loop. The SQLite store answers synchronously under its promises,
 * so reading a million entries page after page never let the server take another request:
 * every request waited for the whole read (docs/decisions/0224).
 */
const nextTurn = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * Reads the entries after the prefix into it; false when its last entry is no longer as read
 * (then nothing was added). Other requests are served between pages and every few hundred
 * entries; once `signal` is aborted (nobody waits for the answer any more) it stops, throwing
 * its reason, and adds nothing.
 */
export async function catchUp(store: AuditLogReader, prefix: VerifiedPrefix, signal?: AbortSignal): Promise<boolean> {
  const { verifier } = prefix;
  const before = verifier.size;
  let expectLast = prefix.last;
  for await (const page of auditPages(store, {}, expectLast === null ? 0 : expectLast.seq - 1, auditPageSize)) {
    await nextTurn();
    signal?.throwIfAborted();
    let rows = page;
    if (expectLast !== null) {
      const again = page[0];
      if (again === undefined || !sameRow(again, expectLast)) return false;
      rows = page.slice(1);
      expectLast = null;
    }
    for (const [at, row] of rows.entries()) {
      // A request arriving meanwhile waits for a few hundred entries' hashes, not a page's.
      if (at > 0 && at % entriesPerTurn === 0) {
        await nextTurn();
        signal?.throwIfAborted();
      }
      verifier.push(chainEntryOf(row));
    }
    prefix.last = page.at(-1) ?? prefix.last;
  }
  prefix.tree.append(verifier.leafHashes.slice(before));
  return true;
}

/**
 * The log as this process has verified it, caught up with what was appended since the last
 * call. A prefix with breaks is not kept: while the log is broken every call reads it whole,
 * and a log put right (restored from a backup) is read afresh.
 */
export function verifiedLog(store: AuditLogReader): Promise<VerifiedLog> {
  let cache = prefixes.get(store);
  if (cache === undefined) {
    cache = { prefix: new VerifiedPrefix(), queue: Promise.resolve() };
    prefixes.set(store, cache);
  }
  const held = cache;
  const run = held.queue.then(async (): Promise<VerifiedLog> => {
    let prefix = held.prefix;
    if (!(await catchUp(store, prefix))) {
      // The end of the log is not what was read: read it all again, and check it all.
      prefix = new VerifiedPrefix();
      await catchUp(store, prefix);
    }
    const breaks = prefix.verifier.breaks;
    held.prefix = breaks.length === 0 ? prefix : new VerifiedPrefix();
    const leaves = prefix.verifier.leafHashes;
    return { size: prefix.verifier.size, tree: prefix.tree, breaks, leafOf: (seq) => (breaks.length === 0 ? leaves[seq - 1] : undefined) };
  });
  held.queue = run.catch(() => undefined);
  return run;
}

/** The verified log, or the first break as the problem: no proof is given from a tree the server would not sign. */
export async function soundLog(store: AuditLogReader): Promise<VerifiedLog> {
  const log = await verifiedLog(store);
  const first = log.breaks[0];
  if (first) throw problems.auditLogBroken(first);
  return log;
}

/** Forgets what this process verified: the next call reads the whole log again. */
export function forgetVerifiedLog(store: AuditLogReader): void {
  prefixes.delete(store);
}

/**
 * Where entries read just now differ from what the verified prefix holds for them (the hash
 * a tree head signs): null when each is as it was verified. Records use it so that they never
 * carry an entry other than the one their inclusion proof is for.
 */
export function changedSinceVerified(log: VerifiedLog, entries: readonly ChainEntry[]): AuditBreak | null {
  for (const entry of entries) {
    const verified = log.leafOf(entry.seq);
    let digest: Uint8Array | null = null;
    try {
      digest = auditEntryDigestSync(entry);
    } catch (error) {
      return { seq: entry.seq, reason: `Entry #${entry.seq} cannot be hashed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (bytesToHex(digest) !== entry.entryHash) return { seq: entry.seq, reason: `Entry #${entry.seq} does not match its recorded hash: it was changed after it was written.` };
    if (verified === undefined || !equalBytes(leafHash(digest), verified)) {
      return { seq: entry.seq, reason: `Entry #${entry.seq} is not the entry the server verified at that place: it was rewritten, with its hash, after it was written.` };
    }
  }
  return null;
}

/** The heads already found to hold over the prefix `log` was read from (null once the prefix moved on): a prefix root never changes. */
export function heldHeadsOf(store: AuditLogReader, log: VerifiedLog): Map<number, string> | null {
  const prefix = prefixes.get(store)?.prefix;
  return prefix?.tree === log.tree ? prefix.heldHeads : null;
}
