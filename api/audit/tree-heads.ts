import { treeHeadType, type AuditBreak, type SignedTreeHead } from '#domain/contracts/audit.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import type { MerkleTree } from '#domain/audit/merkle.ts';
import { signTreeHead, verifyTreeHeadSignature } from '#domain/audit/tree-head.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { currentServerKey } from '../signing/server-key.ts';
import { problems } from '../kernel/problems.ts';
import type { StoredTreeHead } from '../store/store.ts';
import type { AuditLogReader } from './entry-views.ts';
import { forgetVerifiedLog, heldHeadsOf, verifiedLog, type VerifiedLog } from './verified-log.ts';

// Signed tree heads: published once per log size over the verified prefix, and checked
// against the log as it is now.

export function signedHeadOf(stored: StoredTreeHead): SignedTreeHead {
  return { type: treeHeadType, treeSize: stored.treeSize, rootHash: stored.rootHash, timestamp: stored.timestamp, keyId: stored.keyId, signature: stored.signature };
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
  const held = heldHeadsOf(store, log);
  if (held?.get(head.treeSize) === head.rootHash) return null;
  const found = rootBreak(head, log.tree, log.size);
  if (found === null) held?.set(head.treeSize, head.rootHash);
  return found;
}

/** Where a published head disagrees with the log as it is now; null when it still holds. */
export async function headBreak(stored: StoredTreeHead, tree: MerkleTree, keys: readonly ServerKey[]): Promise<AuditBreak | null> {
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

