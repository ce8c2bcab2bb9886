import { useId } from 'react';

/** "7 of 11 sections reviewed", in words and as a bar, for the signed-in reviewer. */
export function ReviewProgress({ reviewed, total }: { reviewed: number; total: number }) {
  const labelId = useId();
  return (
    <div className="mb-4 space-y-1">
      <p id={labelId} className="text-sm font-semibold text-slate-800">
        {reviewed} of {total} sections reviewed
      </p>
      <progress aria-labelledby={labelId} value={reviewed} max={total} className="h-2 w-full accent-blue-800" />
    </div>
  );
}
