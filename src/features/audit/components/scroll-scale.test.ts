import { describe, expect, it } from 'vitest';
import { RowLayout } from './row-layout.ts';
import { exactEdge, maxScrollHeight, placeWindow, ScrollScale, withRow } from './scroll-scale.ts';

const rowHeight = 44;
// The viewports the view is walked at: a phone's (390 × 844) and a desktop's.
const viewports = [844, 720];

describe('a table taller than a page may be, scrolled in proportion', () => {
  it('keeps under every engine’s largest layout height (Firefox’s is the least)', () => {
    expect(maxScrollHeight).toBeLessThan(17_895_697);
    expect(new ScrollScale(1_000_000 * rowHeight, 720).height).toBe(maxScrollHeight);
  });

  it('changes nothing for a table within the limit', () => {
    const layout = new RowLayout(200_000, rowHeight, new Map([[10, 400]]));
    const scale = new ScrollScale(layout.total, 720);
    expect(scale.scaled).toBe(false);
    expect(scale.height).toBe(layout.total);
    for (const offset of [-300, 0, 1, 4_401, 5_000_000, layout.total - 720]) {
      expect(scale.shiftAt(offset)).toBe(0);
      expect(scale.contentAt(offset)).toBe(offset);
      expect(scale.offsetFor(offset)).toBe(offset);
    }
    const placed = placeWindow(layout, 1_000, 720, 4);
    expect(placed.rows).toEqual(layout.rowsIn(1_000, 720, 4));
    expect(placed.height).toBe(layout.total);
  });

  for (const viewport of viewports) {
    it(`reaches every one of a million rows, in order, at every pixel of the scroll range (viewport ${viewport} px)`, () => {
      const layout = new RowLayout(1_000_000, rowHeight, new Map());
      const scale = new ScrollScale(layout.total, viewport);
      const maxOffset = scale.height - viewport;
      // The first row at the top at offset 0; the last row's end at the viewport's bottom at the greatest offset.
      expect(scale.contentAt(0)).toBe(0);
      expect(scale.contentAt(maxOffset)).toBe(layout.total - viewport);
      expect(layout.indexAt(scale.contentAt(maxOffset) + viewport - 1)).toBe(999_999);

      // Checked without an assertion per pixel (ten million of them): the first offset that breaks the rule, if any.
      let content = scale.contentAt(0);
      let top = layout.indexAt(content);
      let broken: number | null = null;
      for (let offset = 1; offset <= maxOffset && broken === null; offset++) {
        const next = scale.contentAt(offset);
        const nextTop = layout.indexAt(next);
        // Strictly increasing, and never by a whole row: the row at the top goes 0, 1, 2, … with none passed over.
        if (!(next > content && next - content < rowHeight && (nextTop === top || nextTop === top + 1))) broken = offset;
        content = next;
        top = nextTop;
      }
      expect(broken).toBeNull();
      // The rows under the top row at the greatest offset are the rest of the log.
      expect(top + Math.ceil(viewport / rowHeight)).toBeGreaterThanOrEqual(999_999);
    });
  }

  it('scrolls one to one across its first and last pixels, and by the rows’ share between', () => {
    const scale = new ScrollScale(1_000_000 * rowHeight, 720);
    const maxOffset = maxScrollHeight - 720;
    expect(scale.contentAt(exactEdge)).toBe(exactEdge);
    expect(scale.contentAt(exactEdge - 100)).toBe(exactEdge - 100);
    expect(scale.contentAt(maxOffset) - scale.contentAt(maxScrollHeight - exactEdge)).toBe(exactEdge - 720);
    // Half way along the range is half way along the rows.
    expect(Math.abs(scale.contentAt(maxScrollHeight / 2) - (1_000_000 * rowHeight) / 2)).toBeLessThan(1);
  });

  it('maps an offset to the same rows whatever the viewport’s height (a phone’s toolbar comes and goes)', () => {
    const [phone, shorter, desktop] = [844, 788, 1_200].map((viewport) => new ScrollScale(1_000_000 * rowHeight, viewport));
    for (const offset of [0, exactEdge, 1_234_567, 5_000_000, 8_765_432, maxScrollHeight - exactEdge - 1]) {
      expect(shorter?.contentAt(offset)).toBe(phone?.contentAt(offset));
      expect(desktop?.contentAt(offset)).toBe(phone?.contentAt(offset));
    }
  });

  it('finds the offset that puts a row at the top, rounded either way', () => {
    const layout = new RowLayout(1_000_000, rowHeight, new Map([[300_000, 612]]));
    const scale = new ScrollScale(layout.total, 844);
    for (const index of [0, 99, 100, 101, 250_000, 299_999, 300_000, 300_001, 777_777, 999_980, 999_999]) {
      const start = layout.start(index);
      const offset = scale.offsetFor(start);
      expect(scale.contentAt(Math.floor(offset))).toBeLessThanOrEqual(start);
      expect(scale.contentAt(Math.ceil(offset))).toBeGreaterThanOrEqual(Math.min(start, layout.total - 844));
      expect(start - scale.contentAt(Math.floor(offset))).toBeLessThan(rowHeight);
    }
  });

  it('places the rows in view back to back, over the viewport, inside the scroll range', () => {
    const layout = new RowLayout(1_000_000, rowHeight, new Map([[500_000, 900]]));
    const viewport = 844;
    const height = maxScrollHeight;
    const offsets = [0, 17, exactEdge - 1, exactEdge, exactEdge + 1, 123_457, 5_000_000, 6_000_000, height - viewport - exactEdge - 1, height - viewport - 1, height - viewport];
    const middle = new ScrollScale(layout.total, viewport).offsetFor(layout.start(500_000));
    for (const offset of [...offsets, Math.floor(middle), Math.floor(middle) + 100]) {
      const { rows, shift } = placeWindow(layout, offset, viewport, 4);
      const first = rows[0];
      const last = rows.at(-1);
      if (!first || !last) throw new Error(`no rows at ${offset}`);
      expect(first.start).toBeGreaterThanOrEqual(0);
      expect(last.end).toBeLessThanOrEqual(height);
      expect(first.start).toBeLessThanOrEqual(offset);
      expect(last.end).toBeGreaterThanOrEqual(offset + viewport);
      for (const [at, row] of rows.entries()) {
        if (at > 0) expect(row.start).toBe(rows[at - 1]?.end);
        // Each row sits where its own place, less the shift, says.
        expect(row.start).toBe(layout.start(row.index) - shift);
      }
    }
  });

  it('scales a log just past the limit, and its last row ends at the bottom', () => {
    const count = Math.floor(maxScrollHeight / rowHeight) + 1;
    const layout = new RowLayout(count, rowHeight, new Map());
    const { rows, height, shift } = placeWindow(layout, maxScrollHeight - 720, 720, 4);
    expect(height).toBe(maxScrollHeight);
    expect(shift).toBe(layout.total - maxScrollHeight);
    expect(rows.at(-1)).toEqual({ index: count - 1, start: maxScrollHeight - rowHeight, end: maxScrollHeight });
  });

  it('keeps a row out of view in the window, in order and in its place, while it has one on the page', () => {
    // A short table: the row is kept wherever the view is, above the rows in view or below them.
    const short = new RowLayout(2_000, rowHeight, new Map([[1_000, 600]]));
    const top = placeWindow(short, 0, 844, 4);
    const kept = withRow(top, short, 1_000);
    expect(kept).toEqual([...top.rows, { index: 1_000, start: short.start(1_000), end: short.start(1_000) + 600 }]);
    const below = placeWindow(short, short.start(1_500), 844, 4);
    expect(withRow(below, short, 1_000)).toEqual([{ index: 1_000, start: short.start(1_000), end: short.start(1_001) }, ...below.rows]);
    // In view already, or none: the window as it is.
    expect(withRow(top, short, top.rows[3]?.index ?? -1)).toBe(top.rows);
    expect(withRow(top, short, null)).toBe(top.rows);
    expect(withRow(top, short, 2_000)).toBe(top.rows);

    // A scaled table: moved up with the rows in view; left out once that puts it off the table body.
    const long = new RowLayout(1_000_000, rowHeight, new Map());
    const middle = placeWindow(long, 5_000_000, 844, 4);
    const near = (middle.rows[0]?.index ?? 0) - 50;
    expect(withRow(middle, long, near)[0]).toEqual({ index: near, start: long.start(near) - middle.shift, end: long.start(near + 1) - middle.shift });
    expect(withRow(middle, long, 10)).toBe(middle.rows);
    expect(withRow(middle, long, 999_999)).toBe(middle.rows);
  });
});
