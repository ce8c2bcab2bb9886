// Checks the audit log's hash chain entry by entry, as pages arrive: each entry's hash is
// recomputed from its content, compared with the hash it records, and its link (prevHash)
// compared with the entry before it; sequence numbers must run without gaps from the start.
// Every break is reported with the entry where it shows, and checking goes on after one, so
// a reader sees everything that was changed, not only the first thing. The recomputed hashes
// are also the leaves of the Merkle tree (leaf seq - 1), which is what tree heads sign.
import type { AuditBreak, AuditEntryView } from '../contracts/audit.ts';
import { bytesEqualHex, bytesToHex, hexToBytes } from '../crypto/hex.ts';
import { auditEntryDigestSync, storedAuditEntryDigestSync } from './entry-hash-sync.ts';
import { genesisHash } from './hash-entry.ts';
import { leafHash } from './merkle.ts';

/** subjectPrev: null or absent on an entry written before subject links (docs/decisions/0180). */
export type ChainEntry = Pick<AuditEntryView, 'seq' | 'at' | 'actorId' | 'action' | 'subject' | 'before' | 'after' | 'prevHash' | 'entryHash'> & { subjectPrev?: string | null | undefined };

/** An entry as the chain stream sends it: before and after as the stored JSON text, hashed without being parsed when they are canonical already. */
export type StoredChainEntry = Omit<ChainEntry, 'before' | 'after'> & { beforeJson: string; afterJson: string };

export type ChainVerification = {
  /** Entries checked. */
  size: number;
  breaks: AuditBreak[];
  /** RFC 6962 leaf hashes of the recomputed entry hashes, in the order pushed. */
  leafHashes: Uint8Array[];
};

export type ChainVerifierOptions = {
  /** The seq the first pushed entry must have (1 for the whole log). */
  expectedFirstSeq?: number;
  /** The hash the first entry must link to: the genesis hash when starting at seq 1; unchecked when absent otherwise. */
  prevHash?: string;
  /**
   * Go on from where another verifier stands (its edge), as if it had pushed the entries that
   * follow: a second worker checks the end of the log while the first checks the start, and
   * the first absorbs what this one found (docs/decisions/0160). Overrides the options above.
   */
  continuing?: ChainEdge;
};

/** Where a verifier stands after its last entry: all that checking the next entries depends on. */
export type ChainEdge = { seq: number; highestSeq: number; recordedHash: string; recomputedHash: string | null };

/** What a verifier that was continuing another one found, for that one to absorb. */
export type ChainContinuation = {
  size: number;
  /** Its stored breaks, in order, and how many more it only counted. */
  breaks: AuditBreak[];
  unstored: number;
  /** The reason the edge entry's hash-mismatch break takes once the next entry shows only its recorded hash was changed. */
  edgeMismatchReason: string | null;
  /** Its own edge (null when it checked nothing). */
  edge: ChainEdge | null;
};

// A log rewritten wholesale would otherwise yield one break per entry: enough to show it.
const MAX_STORED_BREAKS = 1_000;
const HEX64 = /^[0-9a-f]{64}$/;

type Previous = {
  seq: number;
  recordedHash: string;
  /** null when the entry could not be hashed at all. */
  recomputedHash: string | null;
  /** Its hash-mismatch break, reworded once the next entry shows which side was changed. */
  mismatch: AuditBreak | null;
};

export class ChainVerifier {
  #size = 0;
  readonly #stored: AuditBreak[] = [];
  #unstored = 0;
  readonly #leafHashes: Uint8Array[] = [];
  readonly #expectedFirstSeq: number;
  readonly #startHash: string | null;
  #previous: Previous | null = null;
  #highestSeq: number;
  /** Continuing another verifier: its edge entry's mismatch break stands in here, to see whether it is reworded. */
  readonly #edgeMismatch: AuditBreak | null = null;
  #absorbed = false;

  constructor(options: ChainVerifierOptions = {}) {
    const edge = options.continuing;
    this.#expectedFirstSeq = edge === undefined ? (options.expectedFirstSeq ?? 1) : edge.seq + 1;
    this.#startHash = options.prevHash ?? (this.#expectedFirstSeq === 1 ? genesisHash : null);
    this.#highestSeq = edge === undefined ? this.#expectedFirstSeq - 1 : edge.highestSeq;
    if (edge !== undefined) {
      this.#edgeMismatch = { seq: edge.seq, reason: '' };
      this.#previous = { seq: edge.seq, recordedHash: edge.recordedHash, recomputedHash: edge.recomputedHash, mismatch: this.#edgeMismatch };
    }
  }

  /** Where this verifier stands (null before any entry): a verifier continuing from here must start from exactly this. */
  get edge(): ChainEdge | null {
    const previous = this.#previous;
    if (previous === null || (this.#edgeMismatch !== null && this.#size === 0)) return null;
    return { seq: previous.seq, highestSeq: this.#highestSeq, recordedHash: previous.recordedHash, recomputedHash: previous.recomputedHash };
  }

  /** What this verifier, continuing another one, found: for that one's absorb(). */
  get continuation(): ChainContinuation {
    const reworded = this.#edgeMismatch?.reason;
    return { size: this.#size, breaks: [...this.#stored], unstored: this.#unstored, edgeMismatchReason: reworded ? reworded : null, edge: this.edge };
  }

  /**
   * Takes in what a verifier continuing from this one's edge found, as if this one had pushed
   * those entries itself: the same breaks in the same order (under the same cap), the edge
   * entry's break reworded as it would have been, the size and the new edge. The caller
   * checks first that the other one started from this edge. Nothing is pushed after it.
   */
  absorb(continuation: ChainContinuation): void {
    if (this.#previous === null) throw new Error('A verifier that checked nothing has no edge to be continued from');
    if (continuation.edgeMismatchReason !== null && this.#previous.mismatch !== null) this.#previous.mismatch.reason = continuation.edgeMismatchReason;
    for (const found of continuation.breaks) this.#report(found.seq ?? this.#previous.seq, found.reason);
    this.#unstored += continuation.unstored;
    this.#size += continuation.size;
    const edge = continuation.edge;
    if (edge !== null) {
      this.#previous = { seq: edge.seq, recordedHash: edge.recordedHash, recomputedHash: edge.recomputedHash, mismatch: null };
      this.#highestSeq = edge.highestSeq;
    }
    this.#absorbed = true;
  }

  get size(): number {
    return this.#size;
  }

  /** Every break found so far (at most 1,000, the last one then saying how many more there were). */
  get breaks(): AuditBreak[] {
    if (this.#unstored === 0) return [...this.#stored];
    const shown = this.#stored.slice(0, MAX_STORED_BREAKS - 1);
    const more = this.#stored.length - shown.length + this.#unstored;
    return [...shown, { seq: null, reason: `…and ${more} more ${more === 1 ? 'break' : 'breaks'}.` }];
  }

  /** Not a copy (a 100,000-entry log would be copied on every read): a caller that builds its tree batch by batch takes them and empties it. */
  get leafHashes(): Uint8Array[] {
    return this.#leafHashes;
  }

  /** The seq of the last entry pushed (expectedFirstSeq - 1 before any). */
  get lastSeq(): number {
    return this.#previous?.seq ?? this.#expectedFirstSeq - 1;
  }

  /** The hash the next entry must link to: the last entry's recorded hash (the start hash, or '' when unknown, before any). */
  get lastHash(): string {
    return this.#previous?.recordedHash ?? this.#startHash ?? '';
  }

  push(entry: ChainEntry | StoredChainEntry): void {
    // The absorbed verifier's last break is a copy: a rewording would not reach it.
    if (this.#absorbed) throw new Error('No entry can be pushed after absorbing a continuation');
    const seq = entry.seq;
    this.#size++;
    const digest = this.#recompute(entry);
    // The recorded text itself when it matches: no hex string is built for an intact entry.
    const recomputed = digest === null ? null : bytesEqualHex(digest, entry.entryHash) ? entry.entryHash : bytesToHex(digest);
    const mismatch = this.#checkHash(entry, recomputed);
    const consecutive = this.#checkSequence(seq);
    if (consecutive) this.#checkLink(entry);
    this.#leafHashes.push(leafHash(digest ?? fallbackLeafData(entry.entryHash)));
    this.#previous = { seq, recordedHash: entry.entryHash, recomputedHash: recomputed, mismatch };
    this.#highestSeq = Math.max(this.#highestSeq, seq);
  }

  #recompute(entry: ChainEntry | StoredChainEntry): Uint8Array | null {
    try {
      return 'beforeJson' in entry ? storedAuditEntryDigestSync(entry) : auditEntryDigestSync(entry);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#report(entry.seq, `Entry #${entry.seq} cannot be hashed: ${detail}`);
      return null;
    }
  }

  /** The break reported when the recorded hash is not the recomputed one. */
  #checkHash(entry: ChainEntry | StoredChainEntry, recomputed: string | null): AuditBreak | null {
    if (recomputed === null || recomputed === entry.entryHash) return null;
    if (!HEX64.test(entry.entryHash)) {
      return this.#report(entry.seq, `Entry #${entry.seq} records a hash that is not a SHA-256 (64 lowercase hex digits): it was changed after it was written.`);
    }
    return this.#report(entry.seq, `Entry #${entry.seq} does not match its recorded hash: it was changed after it was written.`);
  }

  /** True when the entry directly follows the previous one, so that its link can be checked. */
  #checkSequence(seq: number): boolean {
    const expected = this.#highestSeq + 1;
    if (seq === expected) return this.#previous === null || this.#previous.seq === seq - 1;
    if (seq > expected) {
      const missing = seq - 1 === expected ? `entry #${expected} is missing` : `entries #${expected} to #${seq - 1} are missing`;
      const position = this.#previous === null ? 'comes first' : `follows #${this.#previous.seq}`;
      this.#report(seq, `Entry #${seq} ${position}: ${missing}.`);
    } else if (this.#previous === null) {
      this.#report(seq, `Entry #${seq} comes first, but the log was expected to start at #${this.#expectedFirstSeq}.`);
    } else if (seq === this.#previous.seq) {
      this.#report(seq, `Entry #${seq} appears twice in a row.`);
    } else {
      this.#report(seq, `Entry #${seq} is out of order: it follows #${this.#previous.seq}.`);
    }
    return false;
  }

  #checkLink(entry: ChainEntry | StoredChainEntry): void {
    const seq = entry.seq;
    const previous = this.#previous;
    if (previous === null) {
      if (this.#startHash === null || entry.prevHash === this.#startHash) return;
      if (seq === 1) {
        this.#report(seq, `Entry #1 does not start the chain: its previous hash should be the genesis hash (64 zeros) — entries were removed or inserted before it.`);
      } else {
        this.#report(seq, `Entry #${seq} does not link to entry #${seq - 1}: its previous hash is not #${seq - 1}'s hash — an entry was removed, reordered or inserted before it.`);
      }
      return;
    }
    if (entry.prevHash === previous.recordedHash) return;
    if (entry.prevHash === previous.recomputedHash) {
      // The previous entry's content is what this entry linked to: only its recorded hash was changed.
      if (previous.mismatch !== null) {
        previous.mismatch.reason = `Entry #${previous.seq}'s recorded hash was changed: its content still matches the hash entry #${seq} links to.`;
      }
      return;
    }
    this.#report(seq, `Entry #${seq} does not link to entry #${previous.seq}: its previous hash is not #${previous.seq}'s hash — an entry was removed, reordered or inserted before it.`);
  }

  #report(seq: number, reason: string): AuditBreak | null {
    if (this.#stored.length >= MAX_STORED_BREAKS) {
      this.#unstored++;
      return null;
    }
    const found: AuditBreak = { seq, reason };
    this.#stored.push(found);
    return found;
  }
}

/** Checks a whole log (or a run of it from seq 1) at once. */
export function verifyAuditChain(entries: Iterable<ChainEntry | StoredChainEntry>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const entry of entries) verifier.push(entry);
  return { size: verifier.size, breaks: verifier.breaks, leafHashes: verifier.leafHashes };
}

// The leaf is the recomputed hash, so a changed entry changes the root. An entry that cannot be
// hashed at all (already a break) falls back to its recorded hash, or to zeros when that is
// not a hash either, to keep leaf i at seq i + 1.
function fallbackLeafData(recorded: string): Uint8Array {
  return HEX64.test(recorded) ? hexToBytes(recorded) : new Uint8Array(32);
}
