import type { CellDiff, DiffStatus } from '#domain/diff/types.ts';

const statusStyle: Record<DiffStatus, { label: string; classes: string }> = {
  added: { label: 'Added', classes: 'border-green-700 bg-green-50 text-green-900' },
  removed: { label: 'Removed', classes: 'border-red-700 bg-red-50 text-red-900' },
  modified: { label: 'Modified', classes: 'border-amber-700 bg-amber-50 text-amber-950' },
  unchanged: { label: 'Unchanged', classes: 'border-slate-400 bg-white text-slate-700' },
};

export const diffStatusLabel = (status: DiffStatus) => statusStyle[status].label;

export function DiffStatusBadge({ status }: { status: DiffStatus }) {
  const style = statusStyle[status];
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${style.classes}`}>{style.label}</span>;
}

/** A threshold result that changed: what a reviewer looks for first, so it stands out in words as well as colour. */
export function FlipBadge({ flip }: { flip: CellDiff['flip'] }) {
  if (!flip) return null;
  return flip === 'fail_to_pass' ? (
    <span className="ml-2 inline-block rounded border border-green-800 bg-green-700 px-1.5 py-0.5 text-xs font-bold text-white">fail → pass</span>
  ) : (
    <span className="ml-2 inline-block rounded border border-red-800 bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">pass → fail</span>
  );
}
