import { describe, expect, it } from 'vitest';
import { RowLayout } from './row-layout.ts';

describe('the layout of a table whose rows are nearly all one height', () => {
  it('places a million rows of 44 px without visiting them', () => {
    const layout = new RowLayout(1_000_000, 44, new Map());
    expect(layout.total).toBe(44_000_000);
    expect(layout.start(999_999)).toBe(43_999_956);
    expect(layout.indexAt(44 * 500_000 + 43)).toBe(500_000);
    expect(layout.indexAt(-10)).toBe(0);
    expect(layout.indexAt(1e12)).toBe(999_999);
  });

  it('shows the rows of the viewport and the overscan each side, placed back to back', () => {
    const rows = new RowLayout(1_000, 44, new Map()).rowsIn(440, 100, 2);
    // 440 to 539 is rows 10 to 12 (row 12 ends at 572).
    expect(rows.map((row) => row.index)).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(rows[0]).toEqual({ index: 8, start: 352, end: 396 });
    for (const [at, row] of rows.entries()) if (at > 0) expect(row.start).toBe(rows[at - 1]?.end);
  });

  it('moves every row after an open one down by what it adds, and finds rows inside it', () => {
    const layout = new RowLayout(100, 44, new Map([[5, 400], [20, 44], [50, 144]]));
    expect(layout.start(5)).toBe(220);
    expect(layout.height(5)).toBe(400);
    expect(layout.start(6)).toBe(620);
    expect(layout.start(51)).toBe(51 * 44 + 356 + 100);
    expect(layout.total).toBe(100 * 44 + 356 + 100);
    expect(layout.indexAt(219)).toBe(4);
    expect(layout.indexAt(220)).toBe(5);
    expect(layout.indexAt(619)).toBe(5);
    expect(layout.indexAt(620)).toBe(6);
    expect(layout.indexAt(layout.start(51) - 1)).toBe(50);
    expect(layout.indexAt(layout.start(51))).toBe(51);
    for (let offset = 0; offset < layout.total; offset += 7) {
      const index = layout.indexAt(offset);
      expect(layout.start(index)).toBeLessThanOrEqual(offset);
      expect(layout.start(index) + layout.height(index)).toBeGreaterThan(offset);
    }
  });

  it('ignores measurements of rows the table does not have, and has no rows when empty', () => {
    const layout = new RowLayout(3, 44, new Map([[7, 400], [-1, 400]]));
    expect(layout.total).toBe(132);
    expect(new RowLayout(0, 44, new Map()).rowsIn(0, 720, 4)).toEqual([]);
    expect(new RowLayout(0, 44, new Map()).indexAt(0)).toBe(-1);
  });
});
