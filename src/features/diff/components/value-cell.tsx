import type { CellDiff, Verdict } from '#domain/diff/types.ts';
import { FlipBadge } from './diff-status-badge.tsx';

// Values exactly as submitted, never rounded: the reviewer judges the submitted number.
const show = (value: number | null) => (value === null ? '—' : String(value));

function VerdictMark({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return null;
  return verdict === 'pass' ? <span className="ml-1 text-xs font-semibold text-green-800">pass</span> : <span className="ml-1 text-xs font-semibold text-red-800">fail</span>;
}

/** One numeric cell in unified mode: "0.78 fail → 0.86 pass", with the flip called out. */
export function UnifiedValue({ cell }: { cell: CellDiff | undefined }) {
  if (!cell) return <>—</>;
  if (!cell.changed) {
    return (
      <>
        {show(cell.after)}
        <VerdictMark verdict={cell.verdictAfter} />
      </>
    );
  }
  return (
    <>
      {cell.before !== null && (
        <del className="bg-red-100 text-red-950 decoration-red-700">
          {show(cell.before)}
          <VerdictMark verdict={cell.verdictBefore} />
        </del>
      )}
      {cell.before !== null && cell.after !== null && (
        <>
          <span aria-hidden="true"> → </span>
          <span className="sr-only"> changed to </span>
        </>
      )}
      {cell.after !== null && (
        <ins className="bg-green-100 text-green-950 underline decoration-green-700">
          {show(cell.after)}
          <VerdictMark verdict={cell.verdictAfter} />
        </ins>
      )}
      <FlipBadge flip={cell.flip} />
    </>
  );
}

/** One side of a numeric cell in side-by-side mode. */
export function SideValue({ cell, side }: { cell: CellDiff | undefined; side: 'before' | 'after' }) {
  if (!cell) return <>—</>;
  const value = side === 'before' ? cell.before : cell.after;
  const verdict = side === 'before' ? cell.verdictBefore : cell.verdictAfter;
  const mark = cell.changed ? (side === 'before' ? 'bg-red-100' : 'bg-green-100') : '';
  return (
    <span className={mark}>
      {show(value)}
      <VerdictMark verdict={verdict} />
      {side === 'after' && <FlipBadge flip={cell.flip} />}
    </span>
  );
}
