import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { AuditPager, AuditPagerSnapshot } from '../paging/audit-pager.ts';
import { AuditRow, columnCount } from './audit-row.tsx';
import { useScrollMargin } from '#src/lib/use-scroll-margin.ts';

/** The height of a collapsed row (h-11); rows never wrap, so this is exact. */
export const rowHeight = 44;
const expandedEstimate = 420;
const th = 'px-3 py-3 text-left text-sm font-semibold text-slate-700';

/**
 * The virtualizer's size estimate for each row. It is called for every row of the log each
 * time the virtualizer lays it out again (its count or scroll margin changed): a million
 * times per pass on a million-entry log, several passes before the first rows show. With no
 * row open every row is a collapsed one, so no row is looked up (docs/decisions/0196, from
 * the wt-s10 branch's 0178 amendment).
 */
export function rowEstimate(pager: Pick<AuditPager, 'rowAt'>, expanded: ReadonlySet<number>): (index: number) => number {
  if (expanded.size === 0) return () => rowHeight;
  return (index) => {
    const entry = pager.rowAt(index);
    return entry && expanded.has(entry.seq) ? expandedEstimate : rowHeight;
  };
}

interface Props {
  pager: AuditPager;
  snapshot: AuditPagerSnapshot;
  caption: string;
  /** An entry to scroll to, open and focus (the address's ?entry=). */
  revealSeq: number | null;
  onRevealMissing: (seq: number | null) => void;
  filterHref: (name: 'actor' | 'action', value: string) => string;
}

/**
 * The log as a real table, virtualized over the page's own scroll: only the rows near the
 * viewport are in the document, between two spacers, and aria-rowcount/aria-rowindex tell a
 * screen reader where it is in all of them. Rows are read a page at a time as they come
 * into view. Each row's button opens its details; the arrow keys move between rows.
 */
export function AuditTable({ pager, snapshot, caption, revealSeq, onRevealMissing, filterHref }: Props) {
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  // What is above changes height as data arrives.
  const scrollMargin = useScrollMargin(headRef, 'bottom');

  const virtualizer = useWindowVirtualizer({
    count: snapshot.total,
    estimateSize: rowEstimate(pager, expanded),
    // Rows beyond the viewport, each side: a jump mounts all of them afresh (docs/decisions/0213).
    overscan: 4,
    scrollMargin,
    // The rows are rendered in a task of their own, not inside the scroll event, whose handler
    // already pays for the layout that reading the scroll position forces (0213).
    useFlushSync: false,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => pager.want(first, last), [pager, first, last]);

  const moveFocus = (index: number) => {
    if (index < 0 || index >= snapshot.total) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusIndex(index);
  };

  const reveal = useEffectEvent((index: number | null, seq: number) => {
    onRevealMissing(index === null ? seq : null);
    if (index === null) return;
    setExpanded((open) => new Set(open).add(seq));
    virtualizer.scrollToIndex(index, { align: 'center' });
    setFocusIndex(index);
  });
  useEffect(() => {
    if (revealSeq === null) return;
    let current = true;
    void pager.locate(revealSeq).then((index) => {
      if (current) reveal(index, revealSeq);
    });
    return () => {
      current = false;
    };
  }, [pager, revealSeq]);

  const toggle = (seq: number) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  const margin = virtualizer.options.scrollMargin;
  const top = items.length > 0 ? (items[0]?.start ?? margin) - margin : 0;
  const bottom = items.length > 0 ? Math.max(0, virtualizer.getTotalSize() - ((items.at(-1)?.end ?? margin) - margin)) : 0;

  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
      {/* relative: the sr-only texts in its cells are absolutely placed, and must scroll with it, not widen the page. */}
      <table className="w-full min-w-[60rem] table-fixed border-collapse" aria-rowcount={snapshot.total + 1}>
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          <col className="w-28" />
          <col className="w-48" />
          <col className="w-36" />
          <col className="w-52" />
          <col className="w-32" />
          <col />
          <col className="w-24" />
        </colgroup>
        <thead ref={headRef} className="border-b border-slate-200 bg-slate-100">
          <tr aria-rowindex={1}>
            <th scope="col" className={th}>
              Entry
            </th>
            <th scope="col" className={th}>
              Time (UTC)
            </th>
            <th scope="col" className={th}>
              Actor
            </th>
            <th scope="col" className={th}>
              Action
            </th>
            <th scope="col" className={th}>
              Subject
            </th>
            <th scope="col" className={th}>
              Before → after
            </th>
            <th scope="col" className={th}>
              Hash
            </th>
          </tr>
        </thead>
        {top > 0 && <Spacer height={top} />}
        {items.map((item) => {
          const entry = pager.rowAt(item.index);
          return (
            <AuditRow
              key={item.key}
              index={item.index}
              entry={entry}
              expanded={entry ? expanded.has(entry.seq) : false}
              onToggle={toggle}
              onMove={(index, delta) => moveFocus(index + delta)}
              focusRequested={focusIndex === item.index}
              onFocused={() => setFocusIndex(null)}
              filterHref={filterHref}
              measure={virtualizer.measureElement}
            />
          );
        })}
        {bottom > 0 && <Spacer height={bottom} />}
      </table>
    </div>
  );
}

/** The rows out of view, as empty height: hidden from assistive technology, which reads aria-rowcount instead. */
function Spacer({ height }: { height: number }) {
  return (
    <tbody aria-hidden="true">
      <tr>
        <td colSpan={columnCount} className="p-0" style={{ height }} />
      </tr>
    </tbody>
  );
}
