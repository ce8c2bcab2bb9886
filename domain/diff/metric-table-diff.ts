import type { Metric, SectionOfKind } from '../contracts/sections.ts';
import { describeThreshold } from '../package/thresholds.ts';
import { diffCell } from './cell-diff.ts';
import { diffFields, type FieldSpec } from './field-diff.ts';
import { pairByKey } from './pair-by-key.ts';
import { rowStatus, titleField, type SectionParts } from './section-parts.ts';
import type { ColumnHead, DiffBounds, RowDiff } from './types.ts';

type MetricTable = SectionOfKind<'metric_table'>;

const sectionFields: FieldSpec<MetricTable>[] = [
  titleField,
  { key: 'dataset.name', label: 'Dataset', type: 'scalar', read: (s) => s.dataset.name },
  { key: 'dataset.version', label: 'Dataset version', type: 'scalar', read: (s) => s.dataset.version },
  { key: 'dataset.rows', label: 'Dataset rows', type: 'scalar', read: (s) => s.dataset.rows },
  { key: 'notes', label: 'Notes', type: 'markdown', read: (s) => s.notes },
];

const metricFields: FieldSpec<Metric>[] = [
  { key: 'name', label: 'Metric', type: 'scalar', read: (m) => m.name },
  { key: 'threshold', label: 'Threshold', type: 'scalar', read: (m) => describeThreshold(m.threshold) },
  { key: 'unit', label: 'Unit', type: 'scalar', read: (m) => m.unit },
  { key: 'note', label: 'Note', type: 'text', read: (m) => m.note },
];

// Each metric carries its own threshold, so the single numeric column has none of its own.
const valueColumn: ColumnHead = { key: 'value', label: 'Value', threshold: null };

/** A metric table: one row per metric key, its value checked against the threshold of each version. */
export function diffMetricTable(before: MetricTable | undefined, after: MetricTable | undefined, bounds: DiffBounds): SectionParts {
  const rows = pairByKey(before?.metrics ?? [], after?.metrics ?? [], (metric) => metric.key).map(({ key, before: old, after: now }): RowDiff => {
    const cells = [diffCell('value', { value: old?.value ?? null, threshold: old?.threshold ?? null }, { value: now?.value ?? null, threshold: now?.threshold ?? null })];
    const fields = diffFields(metricFields, old, now, bounds);
    return { key, label: (now ?? old)?.name ?? key, status: rowStatus(old !== undefined, now !== undefined, cells, fields), cells, fields };
  });
  return { fields: diffFields(sectionFields, before, after, bounds), columns: [valueColumn], rows };
}
