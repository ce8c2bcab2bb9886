import { useMemo, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import type { AuditPageEntry } from '#domain/contracts/audit.ts';
import { auditActionLabel } from '../action-labels.ts';
import { summarizeChange, utcDateTime } from '../entry-summary.ts';
import { EntryDetails } from './entry-details.tsx';
import { checkEntryHash } from './entry-hash.ts';

export const columnCount = 7;
const td = 'truncate px-3 py-2 align-middle text-sm';

interface Props {
  index: number;
  entry: AuditPageEntry | undefined;
  expanded: boolean;
  onToggle: (seq: number) => void;
  /** Moves focus to the row `delta` away (arrow keys). */
  onMove: (index: number, delta: number) => void;
  /** Focus this row's button once it is in the document. */
  focusRequested: boolean;
  onFocused: () => void;
  /** The focus came into this row (true) or left it (false). */
  onFocusWithin: (index: number, within: boolean) => void;
  filterHref: (name: 'actor' | 'action', value: string) => string;
  measure: Ref<HTMLTableSectionElement>;
}

/**
 * One entry: a body of its own in the table, so its details open right under it and the
 * virtualizer measures the pair as one. Collapsed, every row has the same height (one line,
 * cut with an ellipsis), so the scroller's size is exact before anything is measured.
 */
export function AuditRow({ index, entry, expanded, onToggle, onMove, focusRequested, onFocused, onFocusWithin, filterHref, measure }: Props) {
  const hash = useMemo(() => (entry ? checkEntryHash(entry) : null), [entry]);
  const stripe = index % 2 === 0 ? 'bg-white' : 'bg-slate-50';
  if (!entry || !hash) {
    return (
      <tbody ref={measure} data-index={index} className={stripe}>
        <tr aria-rowindex={index + 2} className="h-11">
          <td colSpan={columnCount} className={`${td} text-slate-600`}>
            Loading entry…
          </td>
        </tr>
      </tbody>
    );
  }
  const detailsId = `audit-entry-${entry.seq}-details`;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    onMove(index, delta);
  };
  // Not left when the focus goes to another part of the row, nor when the window loses it (the
  // button is still the document's active element then, and has the focus again on return).
  const onBlur = (event: FocusEvent<HTMLTableSectionElement>) => {
    const row = event.currentTarget;
    if (row.contains(event.relatedTarget) || row.contains(document.activeElement)) return;
    onFocusWithin(index, false);
  };
  const actor = entry.actorId === null ? 'System' : (entry.actorName ?? entry.actorId);
  const summary = summarizeChange(entry.before, entry.after);
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- focus and blur only follow where the focus is, bubbled up from the row's own controls
    <tbody ref={measure} data-index={index} className={hash.matches ? stripe : 'bg-red-50'} onFocus={() => onFocusWithin(index, true)} onBlur={onBlur}>
      <tr aria-rowindex={index + 2} className="h-11" data-seq={entry.seq}>
        <th scope="row" className={`${td} text-left`}>
          <button
            type="button"
            ref={
              focusRequested
                ? (node) => {
                    if (!node) return;
                    node.focus({ preventScroll: true });
                    onFocused();
                  }
                : undefined
            }
            className="rounded px-1 font-mono font-semibold text-blue-800 underline decoration-dotted hover:bg-slate-100"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={() => onToggle(entry.seq)}
            onKeyDown={onKeyDown}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'} </span>
            <span className="sr-only">Entry</span> #{entry.seq}
          </button>
        </th>
        <td className={`${td} font-mono`}>
          <time dateTime={entry.at}>{utcDateTime(entry.at)}</time>
        </td>
        <td className={td} title={entry.actorId ?? undefined}>
          {actor}
        </td>
        <td className={td} title={entry.action}>
          {auditActionLabel(entry.action)}
        </td>
        <td className={entry.subjectName === null ? `${td} font-mono` : td} title={entry.subject}>
          {entry.subjectName ?? entry.subject}
        </td>
        <td className={td} title={summary}>
          {summary}
        </td>
        <td className={td}>
          {hash.matches ? (
            <span className="text-green-800">
              <span aria-hidden="true">✓</span>
              <span className="sr-only">Hash matches</span>
            </span>
          ) : (
            <span className="font-semibold text-red-800">✕ Mismatch</span>
          )}
        </td>
      </tr>
      {expanded && (
        <tr>
          <td id={detailsId} colSpan={columnCount} className="border-t border-slate-200 bg-white">
            <EntryDetails entry={entry} hash={hash} filterHref={filterHref} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
