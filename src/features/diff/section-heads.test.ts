import { describe, expect, it } from 'vitest';
import type { SectionDiff } from '#domain/diff/types.ts';
import type { DiffBlock } from './diff-blocks.ts';
import { sectionHeadIndex, withSectionHead } from './section-heads.ts';

const section = (key: string): SectionDiff => ({
  key,
  title: key,
  kind: 'narrative',
  kindBefore: null,
  status: 'modified',
  fields: [],
  columns: [],
  rows: [],
  changes: 1,
  flips: { toPass: 0, toFail: 0 },
  coarse: false,
});

const head = (key: string): DiffBlock => ({ kind: 'section', key: `${key}:head`, section: section(key), changed: true });
const rows = (key: string, start: number): DiffBlock => ({ kind: 'rows', key: `${key}:rows:${start}`, section: section(key), rows: [], changed: true });

// 0 a, 1-3 a's rows, 4 pending, 5 b, 6-7 b's rows
const blocks: DiffBlock[] = [head('a'), rows('a', 0), rows('a', 25), rows('a', 50), { kind: 'pending', key: 'pending:1', index: 1 }, head('b'), rows('b', 0), rows('b', 25)];

const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex, overscan: 0, count: blocks.length });

describe('the section a block belongs to', () => {
  it('is the nearest head above it, or none for a section still being compared', () => {
    expect(sectionHeadIndex(blocks, 0)).toBe(0);
    expect(sectionHeadIndex(blocks, 3)).toBe(0);
    expect(sectionHeadIndex(blocks, 4)).toBeNull();
    expect(sectionHeadIndex(blocks, 7)).toBe(5);
  });
});

describe('the window of the diff list', () => {
  it('adds the head of the section it starts inside, first', () => {
    expect(withSectionHead(blocks)(range(2, 5))).toEqual([0, 2, 3, 4, 5]);
    expect(withSectionHead(blocks)(range(7, 7))).toEqual([5, 7]);
  });

  it('adds nothing when it starts at a head or at a placeholder', () => {
    expect(withSectionHead(blocks)(range(0, 2))).toEqual([0, 1, 2]);
    expect(withSectionHead(blocks)(range(4, 6))).toEqual([4, 5, 6]);
  });
});
