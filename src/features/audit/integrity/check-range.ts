import { ChainVerifier, type ChainContinuation, type ChainEdge } from '#domain/audit/verify-chain.ts';
import type { ReadEntries } from './read-chain.ts';

// The second worker's share of a full check (docs/decisions/0160): the end of the log, read
// and verified while the integrity worker does the start. Its first entry is the last of
// the start's share, read again only to know the edge it continues from; the integrity
// worker uses what this found only if its own edge is exactly that one, and otherwise reads
// the rest itself.

export interface RangeRequest {
  /** The entries after this seq: the first one read is the edge (the last of the other share). */
  afterSeq: number;
  /** The seq whose recorded hash to report (the checkpoint's last entry), if any. */
  watchSeq: number | null;
}

export interface RangeDone {
  /** The edge it assumed: the integrity worker's own must be the same. */
  edge: ChainEdge | null;
  continuation: ChainContinuation;
  /** The recorded hash of the entry at watchSeq, when it was read. */
  watched: string | null;
  /** Time spent recomputing and checking, reading excluded. */
  verifyMs: number;
}

export type RangeMessage = { type: 'reading' } | { type: 'leaves'; leaves: Uint8Array<ArrayBuffer>; count: number } | { type: 'done'; done: RangeDone } | { type: 'error'; message: string };

/** Reads and verifies the entries after request.afterSeq; posts each batch's leaf hashes (packed, 32 bytes each) as it goes. */
export async function checkRange(readEntries: ReadEntries, request: RangeRequest, post: (message: RangeMessage) => void, clock: () => number = () => performance.now()): Promise<RangeDone> {
  let verifyMs = 0;
  let edge: ChainEdge | null = null;
  let verifier: ChainVerifier | null = null;
  let watched: string | null = null;
  // The integrity worker waits for this before reading its own share (start-range.ts).
  for await (const batch of readEntries(request.afterSeq, undefined, () => post({ type: 'reading' }))) {
    const start = clock();
    for (const entry of batch) {
      if (verifier === null) {
        // The edge as the other share ends on it: the entry pushed alone (its own breaks are the other share's).
        const alone = new ChainVerifier({ expectedFirstSeq: entry.seq });
        alone.push(entry);
        edge = alone.edge;
        verifier = new ChainVerifier(edge === null ? {} : { continuing: edge });
        continue;
      }
      verifier.push(entry);
      if (entry.seq === request.watchSeq) watched = entry.entryHash;
    }
    const leafHashes = verifier?.leafHashes ?? [];
    const leaves = new Uint8Array(leafHashes.length * 32);
    leafHashes.forEach((leaf, index) => leaves.set(leaf, index * 32));
    leafHashes.length = 0;
    verifyMs += clock() - start;
    if (leaves.length > 0) post({ type: 'leaves', leaves, count: leaves.length / 32 });
  }
  const continuation = verifier?.continuation ?? { size: 0, breaks: [], unstored: 0, edgeMismatchReason: null, edge: null };
  return { edge, continuation, watched, verifyMs };
}
