import { Fragment, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { AuditPageEntry } from '#domain/contracts/audit.ts';
import type { AuditPager, AuditPagerSnapshot } from '../paging/audit-pager.ts';
import { AuditRow, columnCount } from './audit-row.tsx';
import { useRowWindow } from './use-row-window.ts';
import { useScrollMargin } from '#src/lib/use-scroll-margin.ts';

/** The height of a collapsed row (h-11); rows never wrap, so this is exact. */
export const rowHeight = 44;
const th = 'px-3 py-3 text-left text-sm font-semibold text-slate-700';

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
  // The row holding the focus, kept in the document wherever the view goes (useRowWindow's
  // `keep`), with its entry: the pager may drop that entry's page once the view is far away.
  const [held, setHeld] = useState<{ index: number; entry: AuditPageEntry } | null>(null);
  const onFocusWithin = (index: number, within: boolean) => {
    const entry = pager.rowAt(index);
    if (!within) setHeld((current) => (current?.index === index ? null : current));
    else if (entry) setHeld((current) => (current?.index === index ? current : { index, entry }));
  };

  // What is above changes height as data arrives.
  const scrollMargin = useScrollMargin(headRef, 'bottom', true);

  // Rows beyond the viewport, each side: a jump mounts all of them afresh (docs/decisions/0213).
  const { rows, first, last, total, scaled, measure, scrollToIndex } = useRowWindow({ count: snapshot.total, rowHeight, overscan: 4, scrollMargin, keep: held?.index ?? null });
  useEffect(() => pager.want(first, last), [pager, first, last]);

  const moveFocus = (index: number) => {
    if (index < 0 || index >= snapshot.total) return;
    scrollToIndex(index, 'auto');
    setFocusIndex(index);
  };

  const reveal = useEffectEvent((index: number | null, seq: number) => {
    onRevealMissing(index === null ? seq : null);
    if (index === null) return;
    setExpanded((open) => new Set(open).add(seq));
    scrollToIndex(index, 'center');
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

  const top = rows[0]?.start ?? 0;
  const bottom = Math.max(0, total - (rows.at(-1)?.end ?? 0));

  return (
    <div className={`relative overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm${scaled ? ' [overflow-anchor:none]' : ''}`}>
      {/* relative: the sr-only texts in its cells are absolutely placed, and must scroll with it, not widen the page. */}
      {/* Scaled, the rows move under the page's scroll on purpose: the browser must not scroll back to hold one still (docs/decisions/0236). */}
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
        {rows.map((row, at) => {
          const entry = pager.rowAt(row.index) ?? (row.index === held?.index ? held.entry : undefined);
          // The rows between the kept row and those in view. Before the row, in its fragment:
          // the row itself is never moved in the document (a moved element loses the focus).
          const gap = row.start - (rows[at - 1]?.end ?? row.start);
          return (
            <Fragment key={row.index}>
              {gap > 0 && <Spacer height={gap} />}
              <AuditRow
                index={row.index}
                entry={entry}
                expanded={entry ? expanded.has(entry.seq) : false}
                onToggle={toggle}
                onMove={(index, delta) => moveFocus(index + delta)}
                focusRequested={focusIndex === row.index}
                onFocused={() => setFocusIndex(null)}
                onFocusWithin={onFocusWithin}
                filterHref={filterHref}
                measure={measure}
              />
            </Fragment>
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
