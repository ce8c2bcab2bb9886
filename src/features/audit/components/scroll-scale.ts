// A table taller than a browser can lay out is given a scroll range it can, and the scroll
// position is mapped onto the rows in proportion (docs/decisions/0236). Blink and WebKit stop
// near 33,554,431 px (layout units of 1/64 px in 31 bits) and Firefox near 17,895,697 px; past
// that a spacer is cut short and the rows at its far end cannot be scrolled to.
import type { PlacedRow, RowLayout } from './row-layout.ts';

/**
 * The tallest scroll range a table is given: well under every engine's limit. A million
 * 44 px rows (44,000,000 px) scroll through 10,000,000 px, 4.4 px of rows per pixel of scroll,
 * so no row is passed over by the smallest scroll step (up to 10,000,000 such rows).
 */
export const maxScrollHeight = 10_000_000;

/**
 * Scrolled across the first and last this many pixels, a scaled table moves one to one, as a
 * short one does: its first and last rows, and the rows rendered beyond the viewport there,
 * have the room above and below them that they take.
 */
export const exactEdge = 4_400;

/**
 * Where the rows are for a scroll position, both measured from the table body's top: `content`
 * in the rows' own heights, `offset` in the page's scroll range. Below `limit` the two are the
 * same. Above it the range is `limit` tall; its first and last `exactEdge` pixels map one to
 * one, and the span between them maps linearly onto the rest of the rows, so the first row is
 * at the top at offset 0, the last one ends at the viewport's bottom at the greatest offset,
 * and the mapping only ever increases.
 */
export class ScrollScale {
  /** The height the table takes on the page. */
  readonly height: number;
  readonly scaled: boolean;
  /** The rows' own height above the page's: what the last rows are moved up by. */
  readonly #excess: number;
  /** The scaled span, as offsets and as content: [edge, offsetEnd] onto [edge, contentEnd]. */
  readonly #edge: number;
  readonly #offsetEnd: number;
  readonly #contentEnd: number;

  /**
   * @param content the rows' height together
   * @param viewport the height of the viewport the rows are scrolled through
   */
  constructor(content: number, viewport: number, limit = maxScrollHeight) {
    this.scaled = content > limit;
    this.height = this.scaled ? limit : content;
    this.#excess = content - this.height;
    // The edges are at least a viewport tall, so the greatest offset (the range less a viewport)
    // is in the last one, and the mapping does not depend on the viewport's height below
    // exactEdge: a phone's toolbar coming and going does not move the rows.
    this.#edge = Math.min(Math.max(exactEdge, viewport), limit / 4);
    this.#offsetEnd = limit - this.#edge;
    this.#contentEnd = this.#offsetEnd + this.#excess;
  }

  /** The rows' offset at the viewport's top when the page is scrolled to `offset`. */
  contentAt(offset: number): number {
    return offset + this.shiftAt(offset);
  }

  /**
   * How far the rows are moved up at `offset`: whole pixels, never less for a greater offset,
   * so the rows are placed on the pixel grid and the mapping never goes back.
   */
  shiftAt(offset: number): number {
    if (!this.scaled || offset <= this.#edge) return 0;
    if (offset >= this.#offsetEnd) return this.#excess;
    return Math.floor(((offset - this.#edge) * this.#excess) / (this.#offsetEnd - this.#edge));
  }

  /**
   * The offset, unrounded, that puts the rows' `content` offset at the viewport's top; the
   * mapping only increases, so a smaller offset puts the top at or above it, a greater one at
   * or below it.
   */
  offsetFor(content: number): number {
    if (!this.scaled || content <= this.#edge) return content;
    if (content >= this.#contentEnd) return content - this.#excess;
    return this.#edge + ((content - this.#edge) * (this.#offsetEnd - this.#edge)) / (this.#contentEnd - this.#edge);
  }
}

/** The rows to render for a view, placed on the page's scroll range. */
export interface PlacedWindow {
  /** Placed from the table body's top on the page: the rows' own places, less `shift`. */
  rows: PlacedRow[];
  /** The height the table body takes on the page. */
  height: number;
  /** How far the rows are moved up to be in view: 0 unless the table is scaled. */
  shift: number;
  scale: ScrollScale;
}

/**
 * The rows in view (and `overscan` more each side) when the page is scrolled `offset` past the
 * table body's top, placed where the page shows them. Rows that would fall outside the body's
 * range are left out: they are out of view, and a spacer cannot be less than nothing.
 */
export function placeWindow(layout: RowLayout, offset: number, viewport: number, overscan: number, limit = maxScrollHeight): PlacedWindow {
  const scale = new ScrollScale(layout.total, viewport, limit);
  const shift = scale.shiftAt(offset);
  const rows = layout.rowsIn(offset + shift, viewport, overscan);
  if (shift === 0) return { rows, height: scale.height, shift, scale };
  const placed = rows.map(({ index, start, end }) => ({ index, start: start - shift, end: end - shift })).filter((row) => row.end > 0 && row.start < scale.height);
  return { rows: placed, height: scale.height, shift, scale };
}

/**
 * The window's rows with row `index` among them, wherever the view is, placed as they are (in
 * order, less the same `shift`): the row holding the focus, which would drop it to the page's
 * body if it left the document, even for one render. Left out when it is in the window
 * already, or when it falls off the table body (in a scaled table, far from the view).
 */
export function withRow(placed: PlacedWindow, layout: RowLayout, index: number | null): PlacedRow[] {
  const { rows, shift, height } = placed;
  if (index === null || index < 0 || index >= layout.count || rows.some((row) => row.index === index)) return rows;
  const start = layout.start(index) - shift;
  const end = start + layout.height(index);
  if (end <= 0 || start >= height) return rows;
  const after = rows.findIndex((row) => row.index > index);
  const kept = { index, start, end };
  return after === -1 ? [...rows, kept] : [...rows.slice(0, after), kept, ...rows.slice(after)];
}
