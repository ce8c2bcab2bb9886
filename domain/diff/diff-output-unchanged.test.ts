import { describe, expect, it } from 'vitest';
import type { PackageContent } from '../contracts/package-content.ts';
import type { Section } from '../contracts/sections.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import { canonicalBytes } from '../json/canonicalize.ts';
import { diffPackages } from './package-diff.ts';
import { defaultDiffBounds } from './types.ts';

// Decision 0187: the diff was made faster without changing what the reader sees. These digests
// were taken with the code before that change (29564ec) over generated revisions that reach
// every branch of the block pairing (edits small and large, blocks inserted, removed, moved,
// markers changed, ties between equally similar candidates); a change to the output of any
// one of them changes the digest.

/** xorshift32: deterministic numbers in [0, 1) for a seed. */
function rng(seed: number): () => number {
  let state = seed + 0x9e3779b9 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

// A small vocabulary, so that paragraphs share words and similarities land on both sides of
// the pairing threshold, and sometimes tie.
const vocabulary = 'model risk data drift threshold holdout band region approval monthly quarterly owner policy score review the of and is for'.split(' ');

function generator(seed: number) {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (length: number) => Array.from({ length }, () => pick(vocabulary)).join(' ');
  const block = (): string => {
    const kind = random();
    if (kind < 0.1) return `${'#'.repeat(1 + Math.floor(random() * 3))} ${sentence(2 + Math.floor(random() * 3))}`;
    if (kind < 0.5) return `${sentence(4 + Math.floor(random() * 50))}.`;
    if (kind < 0.7) return Array.from({ length: 1 + Math.floor(random() * 4) }, (_, index) => `${random() < 0.5 ? '-' : `${index + 1}.`} ${sentence(2 + Math.floor(random() * 12))}`).join('\n');
    if (kind < 0.8) return ['| a | b |', '| --- | --- |', ...Array.from({ length: 1 + Math.floor(random() * 3) }, () => `| ${pick(vocabulary)} | ${pick(vocabulary)} |`)].join('\n');
    if (kind < 0.9) return ['```', sentence(5), '', sentence(3), '```'].join('\n');
    return `> ${sentence(3 + Math.floor(random() * 10))}`;
  };
  /** Each word replaced with probability `share`. */
  const edit = (text: string, share: number) => text.replace(/[a-z]+/g, (word) => (random() < share ? `${pick(vocabulary)}s` : word));
  const revise = (blocks: readonly string[]): string[] => {
    const out: string[] = [];
    for (const original of blocks) {
      const roll = random();
      if (roll < 0.3) out.push(original);
      else if (roll < 0.6) out.push(edit(original, pick([0.02, 0.05, 0.1, 0.3, 0.6, 0.9])));
      else if (roll < 0.68) continue;
      else if (roll < 0.76) out.push(block(), original);
      else if (roll < 0.82) out.push(original.startsWith('#') ? `#${original}` : `## ${original}`);
      else if (roll < 0.9) out.splice(Math.floor(random() * (out.length + 1)), 0, edit(original, 0.05));
      else out.push(original, original);
    }
    return out;
  };
  return { block, revise, edit };
}

function narrativePair(seed: number, blockCount: number): [Section, Section] {
  const { block, revise } = generator(seed);
  const before = Array.from({ length: blockCount }, block);
  const key = `narrative_${seed}`;
  return [
    { key, kind: 'narrative', title: key, markdown: before.join('\n\n') },
    { key, kind: 'narrative', title: key, markdown: revise(before).join('\n\n') },
  ];
}

/** Every paragraph edited a little: the whole text is one run of removed and added blocks. */
function everyParagraphEdited(seed: number, blockCount: number): [Section, Section] {
  const { edit } = generator(seed);
  const random = rng(seed + 1);
  const before = Array.from({ length: blockCount }, () => Array.from({ length: 30 + Math.floor(random() * 40) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ') + '.');
  const key = `edited_${seed}`;
  return [
    { key, kind: 'narrative', title: key, markdown: before.join('\n\n') },
    { key, kind: 'narrative', title: key, markdown: before.map((paragraph) => edit(paragraph, 0.05)).join('\n\n') },
  ];
}

const content = (sections: Section[]): PackageContent => ({ schemaVersion: 'model-approval-package/1', sections });

async function digestOf(pairs: [Section, Section][]): Promise<string> {
  const diff = diffPackages(content(pairs.map(([before]) => before)), content(pairs.map(([, after]) => after)), { ...defaultDiffBounds, markdownBlocks: true });
  return sha256Hex(canonicalBytes(diff));
}

describe('the diff view output is the same as before decision 0187', () => {
  it('for mixed Markdown revised in every way the pairing distinguishes', async () => {
    const pairs = Array.from({ length: 40 }, (_, seed) => narrativePair(seed + 1, 10 + ((seed * 7) % 60)));
    expect(await digestOf(pairs)).toBe('9af648f175249bf40ea168890cca4f6bf9c5fb556dbb9ab3c8bcc3bfe78a10a9');
  });

  it('for long texts with every paragraph edited a little', async () => {
    const pairs = Array.from({ length: 4 }, (_, seed) => everyParagraphEdited(seed + 100, 80 + seed * 20));
    expect(await digestOf(pairs)).toBe('86fda6ae9404d13d4483ba21e3f54ad22b820a2ebfa41f0deefb93d67b4db273');
  });
});
