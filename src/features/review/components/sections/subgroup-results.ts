import type { SectionOfKind, SubgroupRow } from '#domain/contracts/sections.ts';
import { meetsThreshold } from '#domain/package/thresholds.ts';
import { describeThresholdWithUnit, formatMeasure } from './measure.ts';

type SubgroupTable = SectionOfKind<'subgroup_table'>;
type SubgroupMetric = SubgroupTable['metrics'][number];

export interface CellResult {
  metric: SubgroupMetric;
  /** Undefined when the row has no value for the metric (the contract refuses that). */
  value: number | undefined;
  passes: boolean;
}

export interface RowResult {
  row: SubgroupRow;
  cells: CellResult[];
  failing: CellResult[];
}

/** Every subgroup's value against every metric's threshold, computed, never taken as given. */
export function subgroupResults(section: SubgroupTable): RowResult[] {
  return section.rows.map((row) => {
    const cells = section.metrics.map((metric) => {
      const value = row.values[metric.key];
      return { metric, value, passes: value !== undefined && meetsThreshold(value, metric.threshold) };
    });
    return { row, cells, failing: cells.filter((cell) => !cell.passes) };
  });
}

/** "62 and over (Approval-rate ratio 0.78, needs at least 0.8)". */
export function describeRowFailure({ row, failing }: RowResult): string {
  const parts = failing.map(({ metric, value }) =>
    value === undefined ? `${metric.name}: no value` : `${metric.name} ${formatMeasure(value)}, needs ${describeThresholdWithUnit(metric.threshold)}`,
  );
  return `${row.group} (${parts.join('; ')})`;
}

/** The flag on a failing row, in the direction it fails: a ratio too low, a gap too wide. */
export function rowFlag(failing: readonly CellResult[]): string {
  if (failing.length === 0) return 'Meets all thresholds';
  const directions = new Set(
    failing.map(({ metric, value }) => (value === undefined ? 'missing' : metric.threshold.operator.startsWith('>') ? 'below' : 'above')),
  );
  if (directions.size > 1) return 'Outside thresholds';
  if (directions.has('below')) return 'Below threshold';
  if (directions.has('above')) return 'Above threshold';
  return 'Value missing';
}

/** Rows grouped by attribute (age band, sex…), in the order the package lists them. */
export function groupByAttribute(results: readonly RowResult[]): [string, RowResult[]][] {
  const groups = new Map<string, RowResult[]>();
  for (const result of results) {
    const group = groups.get(result.row.attribute);
    if (group) group.push(result);
    else groups.set(result.row.attribute, [result]);
  }
  return [...groups];
}
