import { describe, expect, it } from 'vitest';
import type { Section } from '#domain/contracts/sections.ts';
import type { SectionPair } from '#domain/diff/package-diff.ts';
import { sharePairs, textSize } from './share-pairs.ts';

const narrative = (key: string, length: number): Section => ({ key, kind: 'narrative', title: key, markdown: 'x'.repeat(length) });
const pair = (key: string, length: number): SectionPair => ({ key, before: narrative(key, length), after: narrative(key, length) });

describe('sharing the sections of a comparison out between workers', () => {
  const lengths = [9_000, 100, 4_000, 4_000, 50, 8_000, 300, 1_000, 7_000, 20];
  const pairs = lengths.map((length, index) => pair(`s${index}`, length));

  it('gives every section to exactly one share, each share in display order', () => {
    const shares = sharePairs(pairs, 2);
    expect(shares).toHaveLength(2);
    expect(shares.flat().map((p) => p.index).sort((a, b) => a - b)).toEqual(lengths.map((_, index) => index));
    for (const share of shares) {
      expect(share.map((p) => p.index)).toEqual([...share.map((p) => p.index)].sort((a, b) => a - b));
      for (const p of share) expect(p.key).toBe(`s${p.index}`);
    }
  });

  it('gives the shares about as much text each, not as many sections each', () => {
    const [a = [], b = []] = sharePairs(pairs, 2);
    const size = (share: SectionPair[]) => share.reduce((n, p) => n + textSize(p.before) + textSize(p.after), 0);
    const total = size(a) + size(b);
    // Alternating sections would give 9,000+4,000+50+300+7,000 against 100+4,000+8,000+1,000+20 characters.
    expect(Math.abs(size(a) - size(b))).toBeLessThan(total * 0.05);
  });

  it('makes no empty share: fewer sections than workers, or none', () => {
    expect(sharePairs(pairs.slice(0, 1), 2)).toHaveLength(1);
    expect(sharePairs([], 2)).toEqual([]);
    expect(sharePairs(pairs, 1)).toEqual([pairs.map((p, index) => ({ ...p, index }))]);
  });

  it('counts every string and key of a section, nested or not', () => {
    expect(textSize({ ab: 'cde', f: [1, 'gh', { i: null }] })).toBe(2 + 3 + 1 + 1 + 2 + 1 + 1);
  });
});
