import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../crypto/hex.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { auditEntryHashSync, canonicalTextOfStored } from './entry-hash-sync.ts';
import { genesisHash } from './hash-entry.ts';
import { MerkleTree, leafHash } from './merkle.ts';
import { ChainVerifier, verifyAuditChain, type ChainEntry, type StoredChainEntry } from './verify-chain.ts';

type Content = Omit<ChainEntry, 'entryHash'>;

/** Seals an entry the way the server writes it: its hash over its content and link. */
function seal(content: Content): ChainEntry {
  return { ...content, entryHash: auditEntryHashSync(content) };
}

/** An intact chain of `count` entries, seq 1 to count. */
function chain(count: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= count; seq++) {
    const entry = seal({
      seq,
      at: new Date(Date.UTC(2025, 2, 1, 9, 0, seq)).toISOString(),
      actorId: seq % 3 === 0 ? null : `user-${seq % 4}`,
      action: 'section.reviewed',
      subject: `pkg-${seq % 2}`,
      before: null,
      after: { version: 1, section: `section-${seq}` },
      prevHash,
    });
    entries.push(entry);
    prevHash = entry.entryHash;
  }
  return entries;
}

function at(entries: readonly ChainEntry[], seq: number): ChainEntry {
  const entry = entries.find((candidate) => candidate.seq === seq);
  if (entry === undefined) throw new Error(`No entry #${seq}`);
  return entry;
}

const reasons = (entries: Iterable<ChainEntry>): string[] => verifyAuditChain(entries).breaks.map((found) => found.reason);

describe('verifyAuditChain', () => {
  it('finds no break in an intact chain, and gives the leaf hash of every entry hash', () => {
    const entries = chain(10);
    const result = verifyAuditChain(entries);
    expect(result.breaks).toEqual([]);
    expect(result.size).toBe(10);
    expect(result.leafHashes.map(bytesToHex)).toEqual(entries.map((entry) => bytesToHex(leafHash(hexToBytes(entry.entryHash)))));
  });

  it('finds an entry whose content was changed after it was written', () => {
    const entries = chain(8);
    const original = new MerkleTree(verifyAuditChain(entries).leafHashes).root();
    const changed = entries.map((entry) => (entry.seq === 5 ? { ...entry, after: { version: 1, section: 'something else' } } : entry));
    const result = verifyAuditChain(changed);
    expect(result.breaks).toEqual([{ seq: 5, reason: 'Entry #5 does not match its recorded hash: it was changed after it was written.' }]);
    // The leaves are the recomputed hashes, so the change shows in the root too.
    expect(bytesToHex(new MerkleTree(result.leafHashes).root())).not.toBe(bytesToHex(original));
  });

  it('finds a changed entry that was re-sealed: the next entry no longer links to it', () => {
    const entries = chain(8);
    const resealed = entries.map((entry) => (entry.seq === 5 ? seal({ ...entry, subject: 'pkg-forged' }) : entry));
    expect(verifyAuditChain(resealed).breaks).toEqual([
      { seq: 6, reason: "Entry #6 does not link to entry #5: its previous hash is not #5's hash — an entry was removed, reordered or inserted before it." },
    ]);
  });

  it('tells a changed recorded hash apart from changed content', () => {
    const entries = chain(8);
    const changed = entries.map((entry) => (entry.seq === 5 ? { ...entry, entryHash: 'a'.repeat(64) } : entry));
    expect(verifyAuditChain(changed).breaks).toEqual([{ seq: 5, reason: "Entry #5's recorded hash was changed: its content still matches the hash entry #6 links to." }]);
    const garbled = entries.map((entry) => (entry.seq === 5 ? { ...entry, entryHash: 'not a hash' } : entry));
    expect(reasons(garbled)).toEqual(["Entry #5's recorded hash was changed: its content still matches the hash entry #6 links to."]);
    const last = entries.map((entry) => (entry.seq === 8 ? { ...entry, entryHash: 'not a hash' } : entry));
    expect(reasons(last)).toEqual(['Entry #8 records a hash that is not a SHA-256 (64 lowercase hex digits): it was changed after it was written.']);
  });

  it('takes a recorded hash only as exactly the recomputed lowercase hex (compared without building it)', () => {
    const entries = chain(8);
    const upper = (seq: number) => entries.map((entry) => (entry.seq === seq ? { ...entry, entryHash: entry.entryHash.toUpperCase() } : entry));
    expect(reasons(upper(8))).toEqual(['Entry #8 records a hash that is not a SHA-256 (64 lowercase hex digits): it was changed after it was written.']);
    expect(reasons(upper(5))).toEqual(["Entry #5's recorded hash was changed: its content still matches the hash entry #6 links to."]);
    const flipped = entries.map((entry) => (entry.seq === 3 ? { ...entry, entryHash: `${entry.entryHash.slice(0, 63)}${entry.entryHash.endsWith('0') ? '1' : '0'}` } : entry));
    expect(reasons(flipped)).toEqual(["Entry #3's recorded hash was changed: its content still matches the hash entry #4 links to."]);
  });

  it('finds a deleted entry', () => {
    const entries = chain(8).filter((entry) => entry.seq !== 4);
    expect(verifyAuditChain(entries).breaks).toEqual([{ seq: 5, reason: 'Entry #5 follows #3: entry #4 is missing.' }]);
    const several = chain(20).filter((entry) => entry.seq < 13 || entry.seq > 14);
    expect(reasons(several)).toEqual(['Entry #15 follows #12: entries #13 to #14 are missing.']);
  });

  it('finds a deleted entry whose successors were renumbered and re-sealed', () => {
    const entries = chain(6);
    const renumbered = [...entries.slice(0, 3), seal({ ...at(entries, 5), seq: 4 }), seal({ ...at(entries, 6), seq: 5 })];
    // The renumbered #5 links to the original #5, not to the new #4.
    expect(verifyAuditChain(renumbered).breaks.map((found) => found.seq)).toEqual([4, 5]);
    expect(reasons(renumbered)[0]).toBe("Entry #4 does not link to entry #3: its previous hash is not #3's hash — an entry was removed, reordered or inserted before it.");
  });

  it('finds two swapped entries', () => {
    const entries = chain(8);
    const swappedOrder = entries.map((entry) => (entry.seq === 4 ? at(entries, 5) : entry.seq === 5 ? at(entries, 4) : entry));
    expect(reasons(swappedOrder)).toEqual(['Entry #5 follows #3: entry #4 is missing.', 'Entry #4 is out of order: it follows #5.']);

    // The rows' contents exchanged, their sequence numbers left in place.
    const swappedContent = entries.map((entry) => {
      if (entry.seq === 4) return { ...at(entries, 5), seq: 4 };
      if (entry.seq === 5) return { ...at(entries, 4), seq: 5 };
      return entry;
    });
    const breaks = verifyAuditChain(swappedContent).breaks;
    expect(new Set(breaks.map((found) => found.seq))).toEqual(new Set([4, 5, 6]));
    expect(breaks.filter((found) => found.reason.includes('does not match its recorded hash')).map((found) => found.seq)).toEqual([4, 5]);
  });

  it('finds an inserted entry: sealed correctly itself, but the next entry does not link to it', () => {
    const entries = chain(6);
    const inserted = seal({ ...at(entries, 4), after: { version: 1, section: 'inserted' } });
    // Everything after it renumbered and re-sealed; their links still name the old hashes.
    const shifted = entries.slice(3).map((entry) => seal({ ...entry, seq: entry.seq + 1 }));
    const tampered = [...entries.slice(0, 3), inserted, ...shifted];
    const breaks = verifyAuditChain(tampered).breaks;
    expect(breaks[0]).toEqual({ seq: 5, reason: "Entry #5 does not link to entry #4: its previous hash is not #4's hash — an entry was removed, reordered or inserted before it." });
    expect(breaks.map((found) => found.seq)).toEqual([5, 6, 7]);
    expect(breaks.every((found) => found.reason.includes('does not link to entry'))).toBe(true);
    // Slipped in after the real #4 with the same seq: the seq repeats, and #5 does not link to it.
    expect(reasons([...entries.slice(0, 4), inserted, ...entries.slice(4)])).toEqual([
      'Entry #4 appears twice in a row.',
      "Entry #5 does not link to entry #4: its previous hash is not #4's hash — an entry was removed, reordered or inserted before it.",
    ]);
  });

  it('requires the first entry to link to the genesis hash', () => {
    const entries = chain(3);
    const first = seal({ ...at(entries, 1), prevHash: 'ab'.repeat(32) });
    const tampered = [first, ...entries.slice(1)];
    expect(verifyAuditChain(tampered).breaks.map((found) => found.seq)).toEqual([1, 2]);
    expect(reasons(tampered)[0]).toMatch(/^Entry #1 does not start the chain: its previous hash should be the genesis hash/);
  });

  it('requires the log to start at #1', () => {
    expect(reasons(chain(5).slice(2))).toEqual(['Entry #3 comes first: entries #1 to #2 are missing.']);
    expect(reasons(chain(5).slice(1))).toEqual(['Entry #2 comes first: entry #1 is missing.']);
  });

  it('reports an entry that cannot be hashed, and keeps one leaf per entry', () => {
    const entries = chain(4).map((entry) => (entry.seq === 2 ? { ...entry, before: undefined } : entry));
    const result = verifyAuditChain(entries);
    expect(result.breaks).toEqual([{ seq: 2, reason: 'Entry #2 cannot be hashed: Cannot canonicalize the value at /before: undefined is not a JSON value' }]);
    expect(result.leafHashes).toHaveLength(4);
  });

  it('keeps going after a break and reports every one', () => {
    const entries = chain(30).map((entry) => (entry.seq % 10 === 0 ? { ...entry, subject: 'changed' } : entry));
    expect(verifyAuditChain(entries).breaks.map((found) => found.seq)).toEqual([10, 20, 30]);
  });

  it('stores at most 1,000 breaks, the last saying how many more there were', () => {
    const entries = chain(1_500).map((entry) => ({ ...entry, subject: 'rewritten' }));
    const breaks = verifyAuditChain(entries).breaks;
    expect(breaks).toHaveLength(1_000);
    expect(breaks[998]?.seq).toBe(999);
    expect(breaks[999]).toEqual({ seq: null, reason: '…and 501 more breaks.' });
  });
});

describe('ChainVerifier', () => {
  it('checks a log pushed page by page like the whole log at once', () => {
    const entries = chain(25);
    const verifier = new ChainVerifier();
    for (let start = 0; start < entries.length; start += 10) {
      for (const entry of entries.slice(start, start + 10)) verifier.push(entry);
    }
    expect(verifier.size).toBe(25);
    expect(verifier.breaks).toEqual([]);
    expect(verifier.lastSeq).toBe(25);
    expect(verifier.lastHash).toBe(at(entries, 25).entryHash);
    expect(verifier.leafHashes.map(bytesToHex)).toEqual(verifyAuditChain(entries).leafHashes.map(bytesToHex));
  });

  it('starts with the genesis link and no entries', () => {
    const verifier = new ChainVerifier();
    expect(verifier.lastSeq).toBe(0);
    expect(verifier.lastHash).toBe(genesisHash);
    expect(verifier.size).toBe(0);
  });

  it('resumes from where an earlier check stopped', () => {
    const entries = chain(12);
    const first = new ChainVerifier();
    for (const entry of entries.slice(0, 7)) first.push(entry);
    const resumed = new ChainVerifier({ expectedFirstSeq: first.lastSeq + 1, prevHash: first.lastHash });
    for (const entry of entries.slice(7)) resumed.push(entry);
    expect(resumed.breaks).toEqual([]);
    expect(resumed.size).toBe(5);

    const wrongLink = new ChainVerifier({ expectedFirstSeq: 8, prevHash: 'c'.repeat(64) });
    wrongLink.push(at(entries, 8));
    expect(wrongLink.breaks).toEqual([
      { seq: 8, reason: "Entry #8 does not link to entry #7: its previous hash is not #7's hash — an entry was removed, reordered or inserted before it." },
    ]);

    // Without a known previous hash, the first link cannot be checked, but the rest can.
    const unknownLink = new ChainVerifier({ expectedFirstSeq: 8 });
    for (const entry of entries.slice(7)) unknownLink.push(entry);
    expect(unknownLink.breaks).toEqual([]);

    const tooEarly = new ChainVerifier({ expectedFirstSeq: 8 });
    tooEarly.push(at(entries, 6));
    expect(tooEarly.breaks.map((found) => found.reason)).toEqual(['Entry #6 comes first, but the log was expected to start at #8.']);
  });
});

describe('ChainVerifier on entries as the chain stream sends them (before/after as stored text)', () => {
  /** The entry as its row stores it: before and after in RFC 8785 form, as the server writes them. */
  const storedOf = ({ before, after, ...rest }: ChainEntry): StoredChainEntry => ({ ...rest, beforeJson: canonicalize(before), afterJson: canonicalize(after) });
  const storedReasons = (entries: Iterable<StoredChainEntry>) => verifyAuditChain(entries).breaks;

  it('finds an intact chain intact, with the same leaves as the parsed entries', () => {
    const entries = chain(12);
    const stored = entries.map(storedOf);
    expect(stored.every((entry) => canonicalTextOfStored(entry) !== null)).toBe(true);
    const result = verifyAuditChain(stored);
    expect(result.breaks).toEqual([]);
    expect(result.leafHashes.map(bytesToHex)).toEqual(verifyAuditChain(entries).leafHashes.map(bytesToHex));
  });

  it('names an entry whose stored text was changed, still in canonical form (hashed as it is), and the root changes', () => {
    const stored = chain(8).map(storedOf);
    const original = bytesToHex(new MerkleTree(verifyAuditChain(stored).leafHashes).root());
    const forged = stored.map((entry) => (entry.seq === 5 ? { ...entry, afterJson: entry.afterJson.replace('section-5', 'section-6') } : entry));
    expect(forged.every((entry) => canonicalTextOfStored(entry) !== null)).toBe(true);
    const result = verifyAuditChain(forged);
    expect(result.breaks).toEqual([{ seq: 5, reason: 'Entry #5 does not match its recorded hash: it was changed after it was written.' }]);
    expect(bytesToHex(new MerkleTree(result.leafHashes).root())).not.toBe(original);
  });

  it('names a change written in another form (parsed and canonicalized), and accepts the same value written differently, as the parsed check does', () => {
    const stored = chain(6).map(storedOf);
    const respelled = stored.map((entry) => (entry.seq === 3 ? { ...entry, afterJson: JSON.stringify(JSON.parse(entry.afterJson), null, 2) } : entry));
    expect(storedReasons(respelled)).toEqual([]);
    const forged = stored.map((entry) => (entry.seq === 3 ? { ...entry, afterJson: '{ "version": 2, "section": "section-3" }' } : entry));
    expect(storedReasons(forged)).toEqual([{ seq: 3, reason: 'Entry #3 does not match its recorded hash: it was changed after it was written.' }]);
  });
});

describe('ChainVerifier continuing another one (the end of the log checked in a second worker)', () => {
  /** The start pushed to one verifier, the rest to one continuing from its edge, then absorbed. */
  function splitAt(entries: readonly ChainEntry[], count: number) {
    const start = new ChainVerifier();
    for (const entry of entries.slice(0, count)) start.push(entry);
    const edge = start.edge;
    if (edge === null) throw new Error('The start checked nothing');
    const rest = new ChainVerifier({ continuing: edge });
    for (const entry of entries.slice(count)) rest.push(entry);
    start.absorb(rest.continuation);
    return { start, leafHashes: [...start.leafHashes, ...rest.leafHashes] };
  }

  const forgeries: Record<string, (entries: ChainEntry[]) => ChainEntry[]> = {
    intact: (entries) => entries,
    'content changed': (entries) => entries.map((entry) => (entry.seq === 6 ? { ...entry, subject: 'pkg-forged' } : entry)),
    'recorded hash changed': (entries) => entries.map((entry) => (entry.seq === 6 ? { ...entry, entryHash: 'a'.repeat(64) } : entry)),
    'recorded hash not a hash': (entries) => entries.map((entry) => (entry.seq === 6 ? { ...entry, entryHash: 'forged' } : entry)),
    'entry removed': (entries) => entries.filter((entry) => entry.seq !== 6),
    'entries swapped': (entries) => entries.map((entry) => (entry.seq === 6 ? at(entries, 7) : entry.seq === 7 ? at(entries, 6) : entry)),
    'entry repeated': (entries) => entries.flatMap((entry) => (entry.seq === 6 ? [entry, entry] : [entry])),
    'resealed after a change': (entries) => {
      const changed = entries.map((entry) => (entry.seq === 6 ? seal({ ...entry, after: { forged: true } }) : entry));
      return changed;
    },
  };

  it('finds exactly what one verifier finds, wherever the log is split', () => {
    for (const [name, forge] of Object.entries(forgeries)) {
      const entries = forge(chain(12));
      const whole = new ChainVerifier();
      for (const entry of entries) whole.push(entry);
      for (let count = 1; count < entries.length; count++) {
        const { start, leafHashes } = splitAt(entries, count);
        expect(start.breaks, `${name}, split after ${count}`).toEqual(whole.breaks);
        expect(start.size).toBe(whole.size);
        expect(start.lastSeq).toBe(whole.lastSeq);
        expect(start.lastHash).toBe(whole.lastHash);
        expect(leafHashes.map(bytesToHex)).toEqual(whole.leafHashes.map(bytesToHex));
      }
    }
  });

  it('keeps the cap on stored breaks across the split, counting the rest', () => {
    const entries = chain(1_300).map((entry) => ({ ...entry, subject: 'forged' }));
    const whole = new ChainVerifier();
    for (const entry of entries) whole.push(entry);
    const { start } = splitAt(entries, 700);
    expect(start.breaks).toHaveLength(1_000);
    expect(start.breaks).toEqual(whole.breaks);
    expect(start.breaks.at(-1)?.reason).toBe('…and 301 more breaks.');
  });

  it('takes no entry after absorbing, and has no edge before its first entry', () => {
    const entries = chain(4);
    const { start } = splitAt(entries, 2);
    expect(() => start.push(at(entries, 4))).toThrow(/after absorbing/);
    expect(new ChainVerifier().edge).toBeNull();
    const first = new ChainVerifier();
    first.push(at(entries, 1));
    const edge = first.edge;
    expect(edge).not.toBeNull();
    if (edge !== null) expect(new ChainVerifier({ continuing: edge }).edge).toBeNull();
  });
});
