import type { SectionOfKind, SubgroupRow } from '../contracts/sections.ts';
import { describeThreshold } from '../package/thresholds.ts';
import { diffCell } from './cell-diff.ts';
import { diffFields, scalarField, type FieldSpec } from './field-diff.ts';
import { pairByKey, type KeyedPair } from './pair-by-key.ts';
import { rowStatus, titleField, type SectionParts } from './section-parts.ts';
import type { ColumnHead, DiffBounds, FieldDiff, RowDiff } from './types.ts';

type SubgroupTable = SectionOfKind<'subgroup_table'>;
type SubgroupMetric = SubgroupTable['metrics'][number];

const sectionFields: FieldSpec<SubgroupTable>[] = [
  titleField,
  { key: 'referenceGroup', label: 'Reference group', type: 'scalar', read: (s) => s.referenceGroup },
];
const notesField: FieldSpec<SubgroupTable>[] = [{ key: 'notes', label: 'Notes', type: 'markdown', read: (s) => s.notes }];

const rowFields: FieldSpec<SubgroupRow>[] = [
  { key: 'attribute', label: 'Attribute', type: 'scalar', read: (r) => r.attribute },
  { key: 'group', label: 'Group', type: 'scalar', read: (r) => r.group },
  { key: 'sampleSize', label: 'Sample size', type: 'scalar', read: (r) => r.sampleSize },
];

/**
 * A subgroup table: one column per metric key, one row per subgroup key, each value checked
 * against its column's threshold in its own version. A metric's name and threshold are
 * section fields ("metrics.<key>.name", "metrics.<key>.threshold"): changed once, there.
 */
export function diffSubgroupTable(before: SubgroupTable | undefined, after: SubgroupTable | undefined, bounds: DiffBounds): SectionParts {
  const metrics = pairByKey(before?.metrics ?? [], after?.metrics ?? [], (metric) => metric.key);
  const columns = metrics.map(({ key, before: old, after: now }): ColumnHead => ({ key, label: (now ?? old)?.name ?? key, threshold: (now ?? old)?.threshold ?? null }));

  const rows = pairByKey(before?.rows ?? [], after?.rows ?? [], (row) => row.key).map(({ key, before: old, after: now }): RowDiff => {
    const cells = metrics.map((metric) =>
      diffCell(metric.key, { value: old?.values[metric.key] ?? null, threshold: metric.before?.threshold ?? null }, { value: now?.values[metric.key] ?? null, threshold: metric.after?.threshold ?? null }),
    );
    const fields = diffFields(rowFields, old, now, bounds);
    const row = now ?? old;
    return { key, label: row ? `${row.attribute}: ${row.group}` : key, status: rowStatus(old !== undefined, now !== undefined, cells, fields), cells, fields };
  });

  const fields = [...diffFields(sectionFields, before, after, bounds), ...metrics.flatMap(metricFields), ...diffFields(notesField, before, after, bounds)];
  return { fields, columns, rows };
}

function metricFields({ key, before, after }: KeyedPair<SubgroupMetric>): FieldDiff[] {
  const name = scalarField(`metrics.${key}.name`, 'Metric', before?.name ?? null, after?.name ?? null);
  const threshold = scalarField(`metrics.${key}.threshold`, `Threshold: ${(after ?? before)?.name ?? key}`, before ? describeThreshold(before.threshold) : null, after ? describeThreshold(after.threshold) : null);
  return [name, threshold].filter((field) => field !== null);
}
