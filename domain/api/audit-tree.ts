import { treeHeadType, type AuditBreak, type AuditEntryView, type AuditVerification, type SignedTreeHead } from '../contracts/audit.ts';
import type { ServerKey } from '../contracts/signatures.ts';
import { bytesToHex } from '../crypto/hex.ts';
import { MerkleTree } from '../audit/merkle.ts';
import { signTreeHead, verifyTreeHeadSignature } from '../audit/tree-head.ts';
import { ChainVerifier } from '../audit/verify-chain.ts';
import type { ApiDeps } from './context.ts';
import { currentServerKey } from './server-key.ts';
import { problems } from './problems.ts';
import type { StoredAuditEntry, StoredTreeHead, StoredUser, StoreTx } from './store.ts';

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

export function toAuditEntryView(entry: StoredAuditEntry, usersById: ReadonlyMap<string, Pick<StoredUser, 'displayName'>>): AuditEntryView {
  return {
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorId === null ? null : (usersById.get(entry.actorId)?.displayName ?? null),
    action: entry.action,
    subject: entry.subject,
    before: parseStoredJson(entry.beforeJson),
    after: parseStoredJson(entry.afterJson),
    prevHash: entry.prevHash,
    entryHash: entry.entryHash,
  };
}

export async function usersById(store: Pick<StoreTx, 'listUsers'>): Promise<Map<string, StoredUser>> {
  return new Map((await store.listUsers()).map((user) => [user.id, user]));
}

/** Reads the whole log, oldest first, through the chain check, and builds its Merkle tree. */
export async function loadAuditLog(store: AuditLogReader, options: { pageSize?: number } = {}): Promise<AuditLog> {
  const pageSize = options.pageSize ?? auditPageSize;
  const users = await usersById(store);
  const verifier = new ChainVerifier();
  const entries: AuditEntryView[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await store.listAuditEntries({}, afterSeq, pageSize);
    for (const row of page) {
      const view = toAuditEntryView(row, users);
      verifier.push(view);
      entries.push(view);
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    afterSeq = last.seq;
  }
  const chain: AuditChain = { size: verifier.size, breaks: [...verifier.breaks], leafHashes: verifier.leafHashes };
  return { entries, chain, tree: new MerkleTree(chain.leafHashes) };
}

function signedHeadOf(stored: StoredTreeHead): SignedTreeHead {
  return { type: treeHeadType, treeSize: stored.treeSize, rootHash: stored.rootHash, timestamp: stored.timestamp, keyId: stored.keyId, signature: stored.signature };
}

/**
 * Signs and stores a head for the log's current size. A size is published once: when a head
 * for it exists (an earlier call, or another instance a moment ago) that head is returned,
 * so repeated calls give the same signed statement rather than a new one each time.
 */
export async function publishTreeHead(deps: Pick<ApiDeps, 'store' | 'now'>): Promise<{ head: SignedTreeHead; tree: MerkleTree }> {
  const { store, now } = deps;
  const { tree, chain } = await loadAuditLog(store);
  const heads = await store.listTreeHeads();
  const existing = heads.find((head) => head.treeSize === tree.size);
  // Never sign over a log that fails its own check: a head over rewritten entries would
  // lend them the server's signature, and records exported with it would verify.
  const problem = chain.breaks[0] ?? heads.map((head) => rootBreak(head, tree)).find((found) => found !== null);
  if (problem) throw problems.auditLogBroken(problem);
  if (existing) return { head: signedHeadOf(existing), tree };

  const { key, privateKey } = await currentServerKey(store, now);
  const head = await signTreeHead(privateKey, key.keyId, { type: treeHeadType, treeSize: tree.size, rootHash: bytesToHex(tree.root()), timestamp: now().toISOString() });
  if (await store.insertTreeHead({ treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp, keyId: head.keyId, signature: head.signature })) return { head, tree };
  // Another instance published this size first: theirs is the one on record.
  const winner = (await store.listTreeHeads()).find((head) => head.treeSize === tree.size);
  if (!winner) throw new Error(`Tree head of size ${tree.size} was neither inserted nor found`);
  return { head: signedHeadOf(winner), tree };
}

function publishedKeys(keys: Awaited<ReturnType<StoreTx['listServerKeys']>>): ServerKey[] {
  return keys.map(({ keyId, algorithm, publicKey, createdAt }) => ({ keyId, algorithm, publicKey, createdAt }));
}

/** Where a published head disagrees with the log as it is now; null when it still holds. */
async function headBreak(stored: StoredTreeHead, tree: MerkleTree, keys: readonly ServerKey[]): Promise<AuditBreak | null> {
  const head = signedHeadOf(stored);
  const named = `The published tree head of size ${head.treeSize} (signed at ${head.timestamp})`;
  if (!(await verifyTreeHeadSignature(head, keys))) return { seq: null, reason: `${named} has a signature that does not verify against the server's published keys.` };
  return rootBreak(stored, tree);
}

/** Whether the log as it is now still has a published head's root at that head's size. */
function rootBreak(stored: StoredTreeHead, tree: MerkleTree): AuditBreak | null {
  const named = `The published tree head of size ${stored.treeSize} (signed at ${stored.timestamp})`;
  if (stored.treeSize > tree.size) return { seq: null, reason: `${named} covers more entries than the log now holds (${tree.size}): entries were deleted from the end.` };
  if (bytesToHex(tree.root(stored.treeSize)) !== stored.rootHash) {
    return { seq: null, reason: `${named} is not a prefix of the log as it is now: entries before #${stored.treeSize} were rewritten.` };
  }
  return null;
}

/** The server's verdict: the hash chain, the Merkle root, and every published tree head. */
export async function verifyWholeLog(deps: { store: AuditVerifierStore; now: () => Date }): Promise<AuditVerification> {
  const { store } = deps;
  const { chain, tree } = await loadAuditLog(store);
  const [heads, keys] = await Promise.all([store.listTreeHeads(), store.listServerKeys()]);
  const published = publishedKeys(keys);
  const breaks = [...chain.breaks];
  for (const head of heads) {
    const found = await headBreak(head, tree, published);
    if (found) breaks.push(found);
  }
  return {
    valid: breaks.length === 0,
    checkedAt: deps.now().toISOString(),
    size: chain.size,
    rootHash: tree.size === 0 ? null : bytesToHex(tree.root()),
    treeHeadsChecked: heads.length,
    breaks,
  };
}
