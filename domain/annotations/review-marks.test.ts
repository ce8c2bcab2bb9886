import { describe, expect, it } from 'vitest';
import { carriedMarks, sectionHashes } from './review-marks.ts';

const dana = { id: 'usr_dana' };
const lee = { id: 'usr_lee' };
const sections = (...list: [string, string][]) => list.map(([key, text]) => ({ key, text }));
const mark = (versionNumber: number, sectionKey: string, reviewer = dana, carriedFrom: number | null = null) => ({ versionNumber, sectionKey, reviewer, reviewedAt: '2026-01-01T00:00:00.000Z', carriedFrom });

describe('review marks keyed to the section hash', () => {
  it('carries a mark to the next version where the section is unchanged, not where it changed or went', async () => {
    const before = await sectionHashes(sections(['a', 'same'], ['b', 'old'], ['c', 'gone']));
    const after = await sectionHashes(sections(['a', 'same'], ['b', 'new']));
    const carried = carriedMarks([mark(1, 'a'), mark(1, 'b'), mark(1, 'c'), mark(1, 'a', lee)], before, after, 2);
    expect(carried).toEqual([mark(2, 'a', dana, 1), mark(2, 'a', lee, 1)]);
  });

  it('keeps the version a mark was first made on through a run of unchanged versions', async () => {
    const same = await sectionHashes(sections(['a', 't']));
    expect(carriedMarks([mark(2, 'a', dana, 1)], same, same, 3)).toEqual([mark(3, 'a', dana, 1)]);
  });

  it('hashes canonical JSON: the order of keys is not a change', async () => {
    const xy = { key: 'a', x: 1, y: 2 };
    const yx = { y: 2, x: 1, key: 'a' };
    const [first] = (await sectionHashes([xy])).values();
    const [second] = (await sectionHashes([yx])).values();
    const changedSection = { ...xy, y: 3 };
    const [changed] = (await sectionHashes([changedSection])).values();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(first).toBe(second);
    expect(changed).not.toBe(first);
  });
});
