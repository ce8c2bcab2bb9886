// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Section } from '#domain/contracts/sections.ts';
import { useProgressiveSections } from './use-progressive-sections.ts';

const narrative = (key: string, chars: number): Section => ({ key, kind: 'narrative', title: key, markdown: 'x'.repeat(chars) });

describe('useProgressiveSections', () => {
  it('renders an ordinary package at once', () => {
    const sections = [narrative('a', 1_000), narrative('b', 1_000)];
    expect(renderHook(() => useProgressiveSections(sections)).result.current).toBe(2);
  });

  it('renders a large package slice by slice until every section is there', async () => {
    const sections = Array.from({ length: 5 }, (_, i) => narrative(`s${i}`, 31_000));
    const { result } = renderHook(() => useProgressiveSections(sections));
    expect(result.current).toBe(2);
    await waitFor(() => expect(result.current).toBe(5));
  });

  it('starts again from the first slice for another version', async () => {
    const big = Array.from({ length: 4 }, (_, i) => narrative(`s${i}`, 31_000));
    const { result, rerender } = renderHook(({ sections }) => useProgressiveSections(sections), { initialProps: { sections: big } });
    await waitFor(() => expect(result.current).toBe(4));
    rerender({ sections: [...big] });
    expect(result.current).toBe(2);
    await waitFor(() => expect(result.current).toBe(4));
  });
});
