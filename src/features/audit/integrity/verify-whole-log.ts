import { MerkleTree } from '#domain/audit/merkle.ts';
import { ChainVerifier, type ChainEdge } from '#domain/audit/verify-chain.ts';
import type { IntegrityApi } from './integrity-api.ts';

/**
 * The start's share of a split log. The integrity worker also appends the other share's
 * leaves to the tree and absorbs its breaks, and each entry costs it more than the second
 * worker (which has no tree to build): about 0.4 balances the two (docs/decisions/0160).
 */
const startShare = 0.4;

export interface WholeLog {
  verifier: ChainVerifier;
  tree: MerkleTree;
  /** The recorded hash of the entry at watchSeq, when there is one. */
  watched: string | null;
  /** The second worker's time recomputing and checking (0 when the log was not split). */
  otherVerifyMs: number;
}

interface Options {
  api: IntegrityApi;
  /** The size the server's head or checkpoint gives: where to split (the log may have grown since). */
  expectedSize: number;
  watchSeq: number | null;
  timed: <T>(work: () => T) => T;
  progress: (checked: number) => void;
}

/**
 * Reads and verifies every entry, recomputing each hash and link (ChainVerifier) and building
 * the Merkle tree batch by batch as they arrive. A large log is split where api.split allows:
 * a second worker verifies the end while this one verifies the start, and what it found is
 * taken in as if this one had read on, but only when it started from exactly this share's
 * last entry (same seq, recorded and recomputed hash, highest seq). Otherwise (a log whose
 * start has gaps, a second worker that failed) this one reads the rest itself.
 */
export async function verifyWholeLog({ api, expectedSize, watchSeq, timed, progress }: Options): Promise<WholeLog> {
  const verifier = new ChainVerifier();
  // Built batch by batch as the entries arrive: each batch's leaves go into the tree's packed
  // levels at once, so a million leaves are never held as a million small arrays.
  const tree = new MerkleTree([]);
  // Set while reading (a let would read as still null after the awaited reads).
  const seen: { watched: string | null } = { watched: null };
  const split = api.split !== undefined && expectedSize >= api.split.minEntries ? Math.max(1, Math.floor(expectedSize * startShare)) : null;

  // The other share's leaves wait here until this share is read, then go into the tree as they
  // come, while the other worker still reads: they are not all hashed into the tree after it
  // has finished (about 0.6 s of a million-entry check). The tree drops them again when that
  // share turns out not to continue this one.
  const otherLeaves: Uint8Array[] = [];
  let appendOther = false;
  let otherChecked = 0;
  const other =
    split === null || api.split === undefined
      ? null
      : api.split.start({ afterSeq: split - 1, watchSeq }, (leaves, count) => {
          if (appendOther) timed(() => tree.appendPacked(leaves));
          else otherLeaves.push(leaves);
          otherChecked += count;
          progress(verifier.size + otherChecked);
        });

  // Awaited only after the first share: a failure before then must not go unhandled.
  other?.done.catch(() => undefined);

  const readShare = async (afterSeq: number, limit?: number) => {
    for await (const batch of api.readEntries(afterSeq, limit)) {
      timed(() => {
        for (const entry of batch) {
          verifier.push(entry);
          if (entry.seq === watchSeq) seen.watched = entry.entryHash;
        }
        tree.append(verifier.leafHashes);
        verifier.leafHashes.length = 0;
      });
      progress(verifier.size + otherChecked);
    }
  };

  try {
    if (other !== null) await other.reading;
    await readShare(0, split ?? undefined);
    if (other === null) return { verifier, tree, watched: seen.watched, otherVerifyMs: 0 };
    const ownSize = tree.size;
    timed(() => {
      for (const leaves of otherLeaves.splice(0)) tree.appendPacked(leaves);
    });
    appendOther = true;
    const done = await other.done.catch(() => null);
    appendOther = false;
    if (done !== null && verifier.size > 0 && sameEdge(verifier.edge, done.edge) && otherChecked === done.continuation.size) {
      timed(() => verifier.absorb(done.continuation));
      return { verifier, tree, watched: seen.watched ?? done.watched, otherVerifyMs: done.verifyMs };
    }
    // Not this share's continuation, or not finished: its leaves leave the tree.
    tree.truncate(ownSize);
    otherChecked = 0;
    await readShare(verifier.lastSeq);
    return { verifier, tree, watched: seen.watched, otherVerifyMs: 0 };
  } finally {
    other?.stop();
  }
}

function sameEdge(mine: ChainEdge | null, assumed: ChainEdge | null): boolean {
  return mine !== null && assumed !== null && mine.seq === assumed.seq && mine.highestSeq === assumed.highestSeq && mine.recordedHash === assumed.recordedHash && mine.recomputedHash === assumed.recomputedHash;
}
