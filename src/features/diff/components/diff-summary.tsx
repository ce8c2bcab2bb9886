import type { RevisionSummary } from '#domain/diff/types.ts';
import type { DiffRun } from '../compute/use-package-diff.ts';

const counts = [
  ['added', 'Added'],
  ['removed', 'Removed'],
  ['modified', 'Modified'],
  ['unchanged', 'Unchanged'],
] as const;

/** Counts of sections by what happened to them, and the threshold results that changed. */
export function DiffSummary({ run, summary }: { run: DiffRun; summary: RevisionSummary | null }) {
  return (
    <section aria-labelledby="diff-summary-heading" className="space-y-3">
      <h2 id="diff-summary-heading" className="text-xl font-bold">
        Summary
      </h2>
      {run.error && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          The comparison failed: {run.error}
        </p>
      )}
      {!run.done && !run.error && (
        <div className="flex items-center gap-3">
          <label htmlFor="diff-progress" className="text-sm">
            {run.total === null ? 'Starting the comparison…' : `Comparing sections: ${run.compared} of ${run.total}`}
          </label>
          <progress id="diff-progress" max={run.total ?? 1} value={run.compared} className="w-48" />
        </div>
      )}
      {summary && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {counts.map(([key, label]) => (
              <div key={key} className="rounded border border-slate-300 p-2">
                <dt className="text-sm text-slate-700">{label}</dt>
                <dd className="text-2xl font-bold" data-testid={`count-${key}`}>
                  {summary[key]}
                </dd>
              </div>
            ))}
            <div className="rounded border border-slate-300 p-2">
              <dt className="text-sm text-slate-700">Threshold results</dt>
              <dd className="text-sm">
                <span className="font-semibold text-green-800">{summary.flips.toPass} fail → pass</span>
                <br />
                <span className={summary.flips.toFail > 0 ? 'font-semibold text-red-800' : 'text-slate-700'}>{summary.flips.toFail} pass → fail</span>
              </dd>
            </div>
          </dl>
          {run.done && run.elapsedMs !== null && <p className="text-sm text-slate-600">Compared {summary.sections.length} sections in {Math.max(1, Math.round(run.elapsedMs))} ms.</p>}
          {summary.coarse && <p className="text-sm text-amber-900">Some texts changed too much to compare word by word; their sections say so and show a coarser comparison.</p>}
        </>
      )}
    </section>
  );
}
