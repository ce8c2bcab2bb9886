// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Section } from '#domain/contracts/sections.ts';
import { charsPerSlice, sliceEnds, useProgressiveSections, wholeAtMost } from './use-progressive-sections.ts';

const narrative = (key: string, chars: number): Section => ({ key, kind: 'narrative', title: key, markdown: 'x'.repeat(chars) });
const size = (section: Section) => JSON.stringify(section).length;

describe('useProgressiveSections', () => {
  it('renders an ordinary package at once, even one larger than a slice', () => {
    const sections = [narrative('a', 1_000), narrative('b', 1_000)];
    expect(renderHook(() => useProgressiveSections(sections)).result.current).toBe(2);
    const fewPages = [narrative('a', 20_000), narrative('b', 20_000), narrative('c', 15_000)];
    expect(fewPages.reduce((n, section) => n + size(section), 0)).toBeLessThanOrEqual(wholeAtMost);
    expect(renderHook(() => useProgressiveSections(fewPages)).result.current).toBe(3);
  });

  it('stops the first slice before the section that would take it past its size', async () => {
    // The first slice renders in the task the version arrives in: it must not run on over a long narrative.
    const sections = [narrative('id', 500), narrative('s1', 31_000), narrative('s2', 31_000)];
    const { result } = renderHook(() => useProgressiveSections(sections));
    expect(result.current).toBe(1);
    await waitFor(() => expect(result.current).toBe(3));
  });

  it('renders a section larger than a slice as a slice of its own, until every section is there', async () => {
    const sections = Array.from({ length: 5 }, (_, i) => narrative(`s${i}`, 31_000));
    const { result } = renderHook(() => useProgressiveSections(sections));
    expect(result.current).toBe(1);
    await waitFor(() => expect(result.current).toBe(5));
  });

  it('starts again from the first slice for another version', async () => {
    const big = Array.from({ length: 4 }, (_, i) => narrative(`s${i}`, 31_000));
    const { result, rerender } = renderHook(({ sections }) => useProgressiveSections(sections), { initialProps: { sections: big } });
    await waitFor(() => expect(result.current).toBe(4));
    rerender({ sections: [...big] });
    expect(result.current).toBe(1);
    await waitFor(() => expect(result.current).toBe(4));
  });
});

describe('sliceEnds', () => {
  it('fills each slice up to its size, never past it unless one section alone is larger', () => {
    const sections = [9_000, 9_000, 9_000, 40_000, 5_000, 5_000].map((chars, i) => narrative(`s${i}`, chars));
    const ends = sliceEnds(sections);
    expect(ends).toEqual([3, 4, 6]);
    let start = 0;
    for (const end of ends) {
      const slice = sections.slice(start, end);
      const total = slice.reduce((n, section) => n + size(section), 0);
      expect(slice.length === 1 || total <= charsPerSlice).toBe(true);
      // The next section would not have fitted.
      const next = sections[end];
      if (next) expect(total + size(next)).toBeGreaterThan(charsPerSlice);
      start = end;
    }
  });

  it('has no slice for no sections', () => {
    expect(sliceEnds([])).toEqual([]);
  });
});
