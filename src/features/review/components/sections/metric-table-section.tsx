import type { Metric, SectionOfKind } from '#domain/contracts/sections.ts';
import { meetsThreshold } from '#domain/package/thresholds.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { describeThresholdWithUnit, formatCount, formatMeasure } from './measure.ts';
import { ResultMark } from './result-mark.tsx';
import { SectionNotes } from './section-notes.tsx';
import { tableClasses as t } from './table-classes.ts';
import { VerdictSummary } from './verdict-summary.tsx';

/** "AUC (ROC) 0.781, needs at least 0.75": a failing metric said in one line. */
function describeFailure(metric: Metric): string {
  return `${metric.name} (${formatMeasure(metric.value, metric.unit)}, needs ${describeThresholdWithUnit(metric.threshold, metric.unit)})`;
}

interface MetricRow {
  metric: Metric;
  passes: boolean;
}

const columns: readonly Column<MetricRow>[] = [
  {
    header: 'Metric',
    className: ({ passes }) => `${t.edge(passes)} font-normal`,
    cell: ({ metric }) => (
      <>
        <span className="font-semibold">{metric.name}</span>
        {metric.note && <span className="mt-1 block text-sm text-slate-700">{metric.note}</span>}
      </>
    ),
  },
  { header: 'Value', headerClassName: 'text-right', className: 'whitespace-nowrap text-right font-mono', cell: ({ metric }) => formatMeasure(metric.value, metric.unit) },
  { header: 'Threshold', className: 'whitespace-nowrap', cell: ({ metric }) => describeThresholdWithUnit(metric.threshold, metric.unit) },
  { header: 'Result', cell: ({ passes }) => <ResultMark passes={passes} /> },
];

/**
 * Each metric against its policy threshold. Pass or fail is computed here from the value and
 * the threshold: a submitter's own verdict is never asked for, so it cannot be trusted.
 */
export function MetricTableSection({ section }: { section: SectionOfKind<'metric_table'> }) {
  const rows = section.metrics.map((metric): MetricRow => ({ metric, passes: meetsThreshold(metric.value, metric.threshold) }));
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
      <DataTable
        look="section"
        caption={`${section.title}: each metric against its threshold`}
        columns={columns}
        rows={rows}
        rowKey={({ metric }) => metric.key}
        rowClassName={({ passes }) => (passes ? undefined : t.failingRow)}
      />
      <SectionNotes sectionKey={section.key} notes={section.notes} />
    </div>
  );
}
