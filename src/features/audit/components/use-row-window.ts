import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { RowLayout, type PlacedRow } from './row-layout.ts';
import { placeWindow, ScrollScale, withRow } from './scroll-scale.ts';
import { usePagingKeys } from './use-paging-keys.ts';

interface Options {
  count: number;
  /** The height of every row not measured otherwise (a collapsed one). */
  rowHeight: number;
  /** Rows rendered beyond the viewport, each side. */
  overscan: number;
  /** The page offset of the first row's top. */
  scrollMargin: number;
  /**
   * A row rendered wherever the view is, as long as it has a place on the page: the one
   * holding the focus. A row that leaves the document takes the focus with it, to the page's
   * body; the window leaves out rows it should not for a render whenever the page's layout
   * changes (a resize: the content above the table wraps, the table moves, the view is read
   * after), and when the page is scrolled away from the row.
   */
  keep: number | null;
}

export interface RowWindow {
  /** The rows to render, in order, placed from the first row's top: the rows in view, and the kept one. */
  rows: PlacedRow[];
  /** The first and last rows in view (-1 if none), the kept one aside: the rows to read. */
  first: number;
  last: number;
  /** The height the rows take on the page: their own, or less when the table is scaled (docs/decisions/0236). */
  total: number;
  /** The scroll position is mapped onto the rows in proportion: the rows move under the page's scroll. */
  scaled: boolean;
  /** For each rendered row's element (with its `data-index`): a height other than `rowHeight` is kept for the layout. */
  measure: (element: HTMLElement | null) => (() => void) | undefined;
  /** Scrolls the page so the row is in view ('auto': only if it is not, by as little as needed) or centred. */
  scrollToIndex: (index: number, align: 'auto' | 'center') => void;
}

interface View {
  top: number;
  height: number;
}

const readView = (): View => ({ top: window.scrollY, height: window.innerHeight });

/**
 * A window over a table's rows, scrolled by the page: the rows in view are placed by
 * RowLayout, from the row height and the few rows measured otherwise, never by visiting every
 * row. The page renders again only when the set of rows to show changes (or, in a table taller
 * than the page may be, where they are moved to), and, from a scroll, in a task of its own
 * rather than inside the scroll event (docs/decisions/0213, 0226, 0236).
 */
export function useRowWindow({ count, rowHeight, overscan, scrollMargin, keep }: Options): RowWindow {
  const [measured, setMeasured] = useState<ReadonlyMap<number, number>>(() => new Map());
  const layout = useMemo(() => new RowLayout(count, rowHeight, measured), [count, rowHeight, measured]);
  // Not read while rendering: reading the page's scroll position or size makes the browser lay
  // the page out there and then, before the table is even in it (a full layout of the page,
  // measured in the hundreds of milliseconds on the million-entry view). The layout effect
  // below reads them once the rows are in the document, when the frame needs that layout anyway.
  const [view, setView] = useState<View>({ top: 0, height: 0 });
  const placed = placeWindow(layout, view.top - scrollMargin, view.height, overscan);
  const { shift } = placed;
  const first = placed.rows[0]?.index ?? -1;
  const last = placed.rows.at(-1)?.index ?? -1;

  // What the scroll listener compares a new position with: the rows of the last render.
  const shown = useRef({ layout, scrollMargin, first, last, shift, viewRead: view.height > 0 });
  const follow = useCallback(() => {
    const next = readView();
    const { layout: current, scrollMargin: margin, first: from, last: to, shift: moved } = shown.current;
    const wanted = placeWindow(current, next.top - margin, next.height, overscan);
    if ((wanted.rows[0]?.index ?? -1) !== from || (wanted.rows.at(-1)?.index ?? -1) !== to || wanted.shift !== moved) setView(next);
  }, [overscan]);
  // A scaled table whose rows changed height (a row opened) keeps the row at the viewport's
  // top where it was: the same offset would now map onto other rows. The browser's own scroll
  // anchoring is off there (the rows move under it at every scroll), so the page has not
  // scrolled since: the old mapping says which rows are at the top.
  useLayoutEffect(() => {
    const before = shown.current;
    // Not before the first view was read (the table's place then was not measured yet either).
    if (!before.viewRead || (before.layout === layout && before.scrollMargin === scrollMargin)) return;
    const { top: pageTop, height } = readView();
    const scale = new ScrollScale(layout.total, height);
    // Above the table's top the page is laid out as any other: nothing to keep.
    if (!scale.scaled || pageTop <= before.scrollMargin) return;
    const content = new ScrollScale(before.layout.total, height).contentAt(pageTop - before.scrollMargin);
    const top = Math.round(scrollMargin + scale.offsetFor(content));
    if (Math.abs(top - window.scrollY) >= 1) window.scrollTo({ top, behavior: 'instant' });
  }, [layout, scrollMargin]);
  useLayoutEffect(() => {
    shown.current = { layout, scrollMargin, first, last, shift, viewRead: view.height > 0 };
  });
  // The view as it is now (first, and after the layout or the table's place changed): the page
  // may have scrolled, without changing the rows, since it was last read.
  useLayoutEffect(follow, [follow, layout, scrollMargin]);
  usePagingKeys(placed.scale.scaled, (step) => {
    const { top, height } = readView();
    const scale = new ScrollScale(layout.total, height);
    const content = scale.contentAt(top - scrollMargin) + step * height * pageFraction;
    window.scrollTo({ top: Math.max(0, Math.round(scrollMargin + scale.offsetFor(content))), behavior: 'instant' });
  });
  useEffect(() => {
    window.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow);
      window.removeEventListener('resize', follow);
    };
  }, [follow]);

  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const measure = useCallback(
    (element: HTMLElement | null) => {
      // jsdom, in component tests, has no layout to follow.
      if (!element || typeof ResizeObserver === 'undefined') return;
      observer.current ??= new ResizeObserver((entries) => {
        setMeasured((heights) => {
          let next: Map<number, number> | null = null;
          for (const entry of entries) {
            const index = Number((entry.target as HTMLElement).dataset.index);
            const height = entry.borderBoxSize[0]?.blockSize ?? entry.target.getBoundingClientRect().height;
            // A collapsed row is exactly rowHeight; sub-pixel rounding is not a taller row.
            const kept = Math.abs(height - rowHeight) < 0.5 ? undefined : height;
            if (!Number.isInteger(index) || heights.get(index) === kept) continue;
            next ??= new Map(heights);
            if (kept === undefined) next.delete(index);
            else next.set(index, kept);
          }
          return next ?? heights;
        });
      });
      const watching = observer.current;
      watching.observe(element);
      return () => watching.unobserve(element);
    },
    [rowHeight],
  );

  const scrollToIndex = (index: number, align: 'auto' | 'center') => {
    const { top, height } = readView();
    const scale = new ScrollScale(layout.total, height);
    const start = layout.start(index);
    const end = start + layout.height(index);
    const at = (content: number) => scrollMargin + scale.offsetFor(content);
    const viewTop = scale.contentAt(top - scrollMargin);
    // Scaled, the offsets are rounded toward showing the whole row: the page scrolls by whole pixels, each a few pixels of rows.
    const to = align === 'center' ? at((start + end - height) / 2) : start < viewTop ? round(at(start), 'down', scale) : end > viewTop + height ? round(at(end - height), 'up', scale) : null;
    if (to === null) return;
    window.scrollTo({ top: Math.max(0, to) });
    // The rows of the new position in the same update as the caller's (a key's focus move), not
    // after the scroll event: a key pressed before then would still find the old row focused.
    follow();
  };

  return { rows: withRow(placed, layout, keep), first, last, total: placed.height, scaled: placed.scale.scaled, measure, scrollToIndex };
}

/** What a page key moves, as a fraction of the viewport: Chromium's own page step. */
const pageFraction = 0.875;

function round(offset: number, direction: 'down' | 'up', scale: ScrollScale): number {
  if (!scale.scaled) return offset;
  return direction === 'down' ? Math.floor(offset) : Math.ceil(offset);
}
