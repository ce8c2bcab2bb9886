import { describe, expect, it, vi } from 'vitest';
import type { AuditPageEntry } from '#domain/contracts/audit.ts';
import { rowEstimate, rowHeight } from './audit-table.tsx';

/** A pager whose rows are entries numbered down from `newest`, counting its lookups. */
function pagerOf(newest: number) {
  return { rowAt: vi.fn((index: number) => ({ seq: newest - index }) as AuditPageEntry) };
}

describe("the audit table's row size estimate", () => {
  it('looks up no row while none is open (the layout of a million-entry log asks for every row, several times)', () => {
    const pager = pagerOf(1_000_000);
    const estimate = rowEstimate(pager, new Set());
    for (let index = 0; index < 10_000; index++) expect(estimate(index)).toBe(rowHeight);
    expect(pager.rowAt).not.toHaveBeenCalled();
  });

  it('gives an open row more room than a collapsed one', () => {
    const pager = pagerOf(1_000);
    const estimate = rowEstimate(pager, new Set([990]));
    expect(estimate(10)).toBeGreaterThan(rowHeight);
    expect(estimate(11)).toBe(rowHeight);
  });
});
