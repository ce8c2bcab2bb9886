import { treeHeadType, type AuditBreak, type AuditEntryView, type AuditVerification, type SignedTreeHead } from '#domain/contracts/audit.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import { leafHash, MerkleTree } from '#domain/audit/merkle.ts';
import { signTreeHead, verifyTreeHeadSignature } from '#domain/audit/tree-head.ts';
import { auditEntryDigestSync } from '#domain/audit/entry-hash-sync.ts';
import { ChainVerifier, type ChainEntry } from '#domain/audit/verify-chain.ts';
import { equalBytes } from '#domain/crypto/bytes.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { currentServerKey, publishedKeys } from '../signing/server-key.ts';
import { problems } from '../kernel/problems.ts';
import type { AuditFilter, StoredAuditEntry, StoredTreeHead, StoredUser, StoreTx } from '../store.ts';
import { usersById } from '../packages/views.ts';

// The audit log as the server proves it: every entry read back and re-hashed through the
// chain check, the Merkle tree built over the recomputed hashes (so an edited row changes
// the root), signed tree heads published once per size, and the whole-log verdict that
// also holds every earlier published head against the log as it is now.

/** Entries read per query when the whole log is loaded: bounded memory per round trip. */
export const auditPageSize = 5_000;

/** What reading and checking the log needs of the store (a read-only slice of the port). */
export type AuditLogReader = Pick<StoreTx, 'listUsers' | 'listAuditEntries'>;
export type AuditVerifierStore = AuditLogReader & Pick<StoreTx, 'listTreeHeads' | 'listServerKeys'>;

export interface AuditChain {
  size: number;
  breaks: AuditBreak[];
  /** RFC 6962 leaf hashes of the recomputed entry hashes, in log order. */
  leafHashes: Uint8Array[];
}

export interface AuditLog {
  entries: AuditEntryView[];
  chain: AuditChain;
  tree: MerkleTree;
}

/** A stored JSON value; a row whose text is not JSON keeps the text, so the chain check flags it. */
function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

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

/** Reads the whole log, oldest first, through the chain check, and builds its Merkle tree. */
export async function loadAuditLog(store: AuditLogReader, options: { pageSize?: number } = {}): Promise<AuditLog> {
  const pageSize = options.pageSize ?? auditPageSize;
  const users = await usersById(store);
  const verifier = new ChainVerifier();
  const entries: AuditEntryView[] = [];
  for await (const page of auditPages(store, {}, 0, pageSize)) {
    for (const row of page) {
      const view = toAuditEntryView(row, users);
      verifier.push(view);
      entries.push(view);
    }
  }
  const chain: AuditChain = { size: verifier.size, breaks: [...verifier.breaks], leafHashes: verifier.leafHashes };
  return { entries, chain, tree: new MerkleTree(chain.leafHashes) };
}

function signedHeadOf(stored: StoredTreeHead): SignedTreeHead {
  return { type: treeHeadType, treeSize: stored.treeSize, rootHash: stored.rootHash, timestamp: stored.timestamp, keyId: stored.keyId, signature: stored.signature };
}

/** A stored row as the chain check reads it (no display names: the hash does not cover them). */
export function chainEntryOf(row: StoredAuditEntry): ChainEntry {
  return { seq: row.seq, at: row.at, actorId: row.actorId, action: row.action, subject: row.subject, before: parseStoredJson(row.beforeJson), after: parseStoredJson(row.afterJson), prevHash: row.prevHash, entryHash: row.entryHash };
}

function sameRow(a: StoredAuditEntry, b: StoredAuditEntry): boolean {
  return a.seq === b.seq && a.at === b.at && a.actorId === b.actorId && a.action === b.action && a.subject === b.subject && a.beforeJson === b.beforeJson && a.afterJson === b.afterJson && a.prevHash === b.prevHash && a.entryHash === b.entryHash;
}

// Tree heads, proofs and records are served from a verified prefix kept per store (so per
// process: each API instance keeps its own): the chain state and the Merkle tree of every
// entry this process has read and checked. A call reads only the entries after it (and the
// last one again, so a log truncated or rewritten at its end shows), checks them through the
// same chain verifier, and appends their leaves. Heads are signed over what was verified when
// it was read, so a later rewrite of an old row can never borrow the server's signature; the
// explicit GET /api/audit/verify still reads and checks everything (docs/decisions/0027).

/** What this process has read of the log and found sound, oldest entry first. */
class VerifiedPrefix {
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

/** Reads the entries after the prefix into it; false when its last entry is no longer as read (then nothing was added). */
async function catchUp(store: AuditLogReader, prefix: VerifiedPrefix): Promise<boolean> {
  const { verifier } = prefix;
  const before = verifier.size;
  let expectLast = prefix.last;
  for await (const page of auditPages(store, {}, expectLast === null ? 0 : expectLast.seq - 1, auditPageSize)) {
    let rows = page;
    if (expectLast !== null) {
      const again = page[0];
      if (again === undefined || !sameRow(again, expectLast)) return false;
      rows = page.slice(1);
      expectLast = null;
    }
    for (const row of rows) verifier.push(chainEntryOf(row));
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

/**
 * Signs and stores a head for the log's current size. A size is published once: when a head
 * for it exists (an earlier call, or another instance a moment ago) that head is returned,
 * so repeated calls give the same signed statement rather than a new one each time.
 */
export async function publishTreeHead(deps: Pick<ApiDeps, 'store' | 'now'>): Promise<{ head: SignedTreeHead; tree: MerkleTree; log: VerifiedLog }> {
  const { store, now } = deps;
  const log = await verifiedLog(store);
  const { tree, size } = log;
  const heads = await store.listTreeHeads();
  const existing = heads.find((head) => head.treeSize === size);
  // Never sign over a log that fails its own check: a head over rewritten entries would
  // lend them the server's signature, and records exported with it would verify.
  const problem = log.breaks[0] ?? heads.map((head) => heldBreak(store, head, log)).find((found) => found !== null);
  if (problem) {
    forgetVerifiedLog(store);
    throw problems.auditLogBroken(problem);
  }
  if (existing) return { head: signedHeadOf(existing), tree, log };

  const { key, privateKey } = await currentServerKey(store, now);
  const head = await signTreeHead(privateKey, key.keyId, { type: treeHeadType, treeSize: size, rootHash: bytesToHex(tree.root(size)), timestamp: now().toISOString() });
  if (await store.insertTreeHead({ treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp, keyId: head.keyId, signature: head.signature })) return { head, tree, log };
  // Another instance published this size first: theirs is the one on record.
  const winner = (await store.listTreeHeads()).find((head) => head.treeSize === size);
  if (!winner) throw new Error(`Tree head of size ${size} was neither inserted nor found`);
  return { head: signedHeadOf(winner), tree, log };
}

/** rootBreak against the verified prefix, remembering the heads that hold (a prefix root never changes). */
function heldBreak(store: AuditLogReader, head: StoredTreeHead, log: VerifiedLog): AuditBreak | null {
  const prefix = prefixes.get(store)?.prefix;
  if (prefix?.tree === log.tree && prefix.heldHeads.get(head.treeSize) === head.rootHash) return null;
  const found = rootBreak(head, log.tree, log.size);
  if (found === null && prefix?.tree === log.tree) prefix.heldHeads.set(head.treeSize, head.rootHash);
  return found;
}

/** Where a published head disagrees with the log as it is now; null when it still holds. */
async function headBreak(stored: StoredTreeHead, tree: MerkleTree, keys: readonly ServerKey[]): Promise<AuditBreak | null> {
  const head = signedHeadOf(stored);
  const named = `The published tree head of size ${head.treeSize} (signed at ${head.timestamp})`;
  if (!(await verifyTreeHeadSignature(head, keys))) return { seq: null, reason: `${named} has a signature that does not verify against the server's published keys.` };
  return rootBreak(stored, tree);
}

/** Whether the log as it is now still has a published head's root at that head's size. */
function rootBreak(stored: StoredTreeHead, tree: MerkleTree, size: number = tree.size): AuditBreak | null {
  const named = `The published tree head of size ${stored.treeSize} (signed at ${stored.timestamp})`;
  if (stored.treeSize > size) return { seq: null, reason: `${named} covers more entries than the log now holds (${size}): entries were deleted from the end.` };
  if (bytesToHex(tree.root(stored.treeSize)) !== stored.rootHash) {
    return { seq: null, reason: `${named} is not a prefix of the log as it is now: entries before #${stored.treeSize} were rewritten.` };
  }
  return null;
}

/** The server's verdict: the hash chain, the Merkle root, and every published tree head. */
export async function verifyWholeLog(deps: { store: AuditVerifierStore; now: () => Date }): Promise<AuditVerification> {
  const { store } = deps;
  // The explicit full check: every row read and hashed again, never the verified prefix, so
  // a row rewritten since this process read it shows here.
  const whole = new VerifiedPrefix();
  await catchUp(store, whole);
  const { tree, verifier } = whole;
  const [heads, published] = await Promise.all([store.listTreeHeads(), publishedKeys(store)]);
  const breaks = [...verifier.breaks];
  for (const head of heads) {
    const found = await headBreak(head, tree, published);
    if (found) breaks.push(found);
  }
  // Once the log is known to be broken, tree heads and proofs read it whole again (and refuse).
  if (breaks.length > 0) forgetVerifiedLog(store);
  return {
    valid: breaks.length === 0,
    checkedAt: deps.now().toISOString(),
    size: verifier.size,
    rootHash: tree.size === 0 ? null : bytesToHex(tree.root()),
    treeHeadsChecked: heads.length,
    breaks,
  };
}
