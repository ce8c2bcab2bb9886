import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { RowLayout, type PlacedRow } from './row-layout.ts';

interface Options {
  count: number;
  /** The height of every row not measured otherwise (a collapsed one). */
  rowHeight: number;
  /** Rows rendered beyond the viewport, each side. */
  overscan: number;
  /** The page offset of the first row's top. */
  scrollMargin: number;
}

export interface RowWindow {
  /** The rows to render, in order, placed from the first row's top. */
  rows: PlacedRow[];
  /** The height of every row together. */
  total: number;
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
 * row. The page renders again only when the set of rows to show changes, and, from a scroll,
 * in a task of its own rather than inside the scroll event (docs/decisions/0213, 0226).
 */
export function useRowWindow({ count, rowHeight, overscan, scrollMargin }: Options): RowWindow {
  const [measured, setMeasured] = useState<ReadonlyMap<number, number>>(() => new Map());
  const layout = useMemo(() => new RowLayout(count, rowHeight, measured), [count, rowHeight, measured]);
  // Not read while rendering: reading the page's scroll position or size makes the browser lay
  // the page out there and then, before the table is even in it (a full layout of the page,
  // measured in the hundreds of milliseconds on the million-entry view). The layout effect
  // below reads them once the rows are in the document, when the frame needs that layout anyway.
  const [view, setView] = useState<View>({ top: 0, height: 0 });
  const rows = layout.rowsIn(view.top - scrollMargin, view.height, overscan);
  const first = rows[0]?.index ?? -1;
  const last = rows.at(-1)?.index ?? -1;

  // What the scroll listener compares a new position with: the rows of the last render.
  const shown = useRef({ layout, scrollMargin, first, last });
  const follow = useCallback(() => {
    const next = readView();
    const { layout: placed, scrollMargin: margin, first: from, last: to } = shown.current;
    const wanted = placed.rowsIn(next.top - margin, next.height, overscan);
    if ((wanted[0]?.index ?? -1) !== from || (wanted.at(-1)?.index ?? -1) !== to) setView(next);
  }, [overscan]);
  useLayoutEffect(() => {
    shown.current = { layout, scrollMargin, first, last };
  });
  // The view as it is now (first, and after the layout or the table's place changed): the page
  // may have scrolled, without changing the rows, since it was last read.
  useLayoutEffect(follow, [follow, layout, scrollMargin]);
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
    const start = scrollMargin + layout.start(index);
    const end = start + layout.height(index);
    const { top, height } = readView();
    const to = align === 'center' ? (start + end - height) / 2 : start < top ? start : end > top + height ? end - height : null;
    if (to === null) return;
    window.scrollTo({ top: Math.max(0, to) });
    // The rows of the new position in the same update as the caller's (a key's focus move), not
    // after the scroll event: a key pressed before then would still find the old row focused.
    follow();
  };

  return { rows, total: layout.total, measure, scrollToIndex };
}
