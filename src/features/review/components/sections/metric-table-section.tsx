import type { Metric, SectionOfKind } from '#domain/contracts/sections.ts';
import { meetsThreshold } from '#domain/package/thresholds.ts';
import { describeThresholdWithUnit, formatCount, formatMeasure } from './measure.ts';
import { ResultMark } from './result-mark.tsx';
import { SectionNotes } from './section-notes.tsx';
import { tableClasses as t } from './table-classes.ts';
import { VerdictSummary } from './verdict-summary.tsx';

/** "AUC (ROC) 0.781, needs at least 0.75": a failing metric said in one line. */
function describeFailure(metric: Metric): string {
  return `${metric.name} (${formatMeasure(metric.value, metric.unit)}, needs ${describeThresholdWithUnit(metric.threshold, metric.unit)})`;
}

/**
 * Each metric against its policy threshold. Pass or fail is computed here from the value and
 * the threshold: a submitter's own verdict is never asked for, so it cannot be trusted.
 */
export function MetricTableSection({ section }: { section: SectionOfKind<'metric_table'> }) {
  const rows = section.metrics.map((metric) => ({ metric, passes: meetsThreshold(metric.value, metric.threshold) }));
  const failing = rows.filter((row) => !row.passes).map((row) => row.metric);
  const { dataset } = section;
  return (
    <div className="space-y-4">
      <p>
        Computed on <span className="font-semibold">{dataset.name}</span>, version <span className="font-mono text-sm">{dataset.version}</span>,{' '}
        {formatCount(dataset.rows)} rows.
      </p>
      <VerdictSummary passes={failing.length === 0}>
        {failing.length === 0 ? (
          <p className="font-semibold">
            {rows.length === 1 ? 'The metric meets its threshold.' : `All ${rows.length} metrics meet their thresholds.`}
          </p>
        ) : (
          <p>
            <span className="font-semibold">
              {failing.length === 1 ? '1 metric fails' : `${failing.length} metrics fail`} (of {rows.length}):
            </span>{' '}
            {failing.map(describeFailure).join('; ')}.
          </p>
        )}
      </VerdictSummary>
      <div className={t.frame}>
        <table className={t.table}>
          <caption className="sr-only">{section.title}: each metric against its threshold</caption>
          <thead className={t.head}>
            <tr>
              <th scope="col" className={t.th}>Metric</th>
              <th scope="col" className={`${t.th} text-right`}>Value</th>
              <th scope="col" className={t.th}>Threshold</th>
              <th scope="col" className={t.th}>Result</th>
            </tr>
          </thead>
          <tbody className={t.body}>
            {rows.map(({ metric, passes }) => (
              <tr key={metric.key} className={passes ? undefined : t.failingRow}>
                <th scope="row" className={`${t.td} ${t.edge(passes)} font-normal`}>
                  <span className="font-semibold">{metric.name}</span>
                  {metric.note && <span className="mt-1 block text-sm text-slate-700">{metric.note}</span>}
                </th>
                <td className={`${t.td} whitespace-nowrap text-right font-mono`}>{formatMeasure(metric.value, metric.unit)}</td>
                <td className={`${t.td} whitespace-nowrap`}>{describeThresholdWithUnit(metric.threshold, metric.unit)}</td>
                <td className={t.td}>
                  <ResultMark passes={passes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SectionNotes sectionKey={section.key} notes={section.notes} />
    </div>
  );
}
