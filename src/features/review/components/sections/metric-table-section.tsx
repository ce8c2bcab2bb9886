import type { PolicyCheck } from '#domain/contracts/policies.ts';
import type { Metric, SectionOfKind } from '#domain/contracts/sections.ts';
import { meetsThreshold } from '#domain/package/thresholds.ts';
import { ownerThresholdIsWeaker } from '#domain/policy/weaker-threshold.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { describeThresholdWithUnit, formatCount, formatMeasure } from './measure.ts';
import { ResultMark } from './result-mark.tsx';
import { SectionNotes } from './section-notes.tsx';
import { tableClasses as t } from './table-classes.ts';
import { VerdictSummary } from './verdict-summary.tsx';
import { usePolicyEvaluation } from '../policy/policy-context.ts';

/** "AUC (ROC) 0.781, needs at least 0.75": a failing metric said in one line, by the bar that decides. */
function describeFailure({ metric, policy }: MetricRow): string {
  const bar = policy?.required ?? metric.threshold;
  return `${metric.name} (${formatMeasure(metric.value, metric.unit)}, needs ${describeThresholdWithUnit(bar, metric.unit)}${policy?.required ? ' by policy' : ''})`;
}

interface MetricRow {
  /** Position in the table: a package may report one metric twice. */
  index: number;
  metric: Metric;
  /** The policy's check of this metric, when the policy sets a bar for it: it then decides. */
  policy: PolicyCheck | undefined;
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

/** Under a policy: the policy's bar decides, and the owner's declared bar is shown beside it. */
const policyColumns: readonly Column<MetricRow>[] = [
  columns[0] as Column<MetricRow>,
  {
    header: 'Value',
    headerClassName: 'text-right',
    className: 'text-right',
    cell: ({ metric, policy }) => (
      <>
        <span className="whitespace-nowrap font-mono">{formatMeasure(metric.value, metric.unit)}</span>
        {policy?.conflictingCopies && policy.actual !== undefined && (
          <span className="block text-sm font-semibold text-red-800">
            Conflict: reported {policy.conflictingCopies.length} times with different values; the worst, {formatMeasure(policy.actual, metric.unit)}, decides
          </span>
        )}
      </>
    ),
  },
  {
    header: 'Policy threshold',
    className: 'whitespace-nowrap',
    cell: ({ metric, policy }) => (policy?.required ? `${describeThresholdWithUnit(policy.required, metric.unit)} (${policy.enforcement})` : 'Not set by policy'),
  },
  {
    header: "Owner's threshold",
    className: 'whitespace-nowrap',
    cell: ({ metric, policy }) => (
      <>
        {describeThresholdWithUnit(metric.threshold, metric.unit)}
        {policy?.required && ownerThresholdIsWeaker(metric.threshold, policy.required) && <span className="block text-sm font-semibold text-red-800">Weaker than policy</span>}
      </>
    ),
  },
  { header: 'Result', cell: ({ passes }) => <ResultMark passes={passes} /> },
];

/**
 * Each metric against its policy threshold. Pass or fail is computed here from the value and
 * the threshold: a submitter's own verdict is never asked for, so it cannot be trusted. Where
 * the organisation's policy sets a bar for a metric, that bar decides, not the owner's.
 */
export function MetricTableSection({ section }: { section: SectionOfKind<'metric_table'> }) {
  const evaluation = usePolicyEvaluation();
  const checkOf = (key: string) => evaluation?.checks.find((c) => c.kind === 'metric' && c.subject === key);
  const rows = section.metrics.map((metric, index): MetricRow => {
    const policy = checkOf(metric.key);
    return { index, metric, policy, passes: policy?.required ? meetsThreshold(metric.value, policy.required) : meetsThreshold(metric.value, metric.threshold) };
  });
  const failing = rows.filter((row) => !row.passes);
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
        columns={evaluation ? policyColumns : columns}
        rows={rows}
        rowKey={({ metric, index }) => `${metric.key}-${index}`}
        rowClassName={({ passes }) => (passes ? undefined : t.failingRow)}
      />
      <SectionNotes sectionKey={section.key} notes={section.notes} />
    </div>
  );
}
