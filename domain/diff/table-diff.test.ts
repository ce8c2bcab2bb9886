import { describe, expect, it } from 'vitest';
import type { Metric, SectionOfKind, SubgroupRow } from '../contracts/sections.ts';
import { diffSection } from './section-diff.ts';
import type { RowDiff, SectionDiff } from './types.ts';

type MetricTable = SectionOfKind<'metric_table'>;
type SubgroupTable = SectionOfKind<'subgroup_table'>;

const auc: Metric = { key: 'auc', name: 'AUC (ROC)', value: 0.781, threshold: { operator: '>=', value: 0.75 } };
const brier: Metric = { key: 'brier', name: 'Brier score', value: 0.0412, threshold: { operator: '<=', value: 0.05 } };
const psi: Metric = { key: 'psi', name: 'Population stability index', value: 0.047, threshold: { operator: '<', value: 0.1 } };

function metricTable(metrics: Metric[], extra: Partial<MetricTable> = {}): MetricTable {
  return { key: 'evaluation', kind: 'metric_table', title: 'Evaluation', dataset: { name: 'Holdout', version: 'v3', rows: 418_236 }, metrics, ...extra };
}

function rowOf(diff: SectionDiff, key: string): RowDiff {
  const row = diff.rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`No row ${key}`);
  return row;
}

describe('metric tables', () => {
  it('reports a changed value in its cell, with both verdicts', () => {
    const diff = diffSection(metricTable([auc, brier]), metricTable([{ ...auc, value: 0.774 }, brier]));
    expect(diff.status).toBe('modified');
    expect(diff.columns).toEqual([{ key: 'value', label: 'Value', threshold: null }]);
    expect(rowOf(diff, 'auc')).toMatchObject({ status: 'modified', label: 'AUC (ROC)' });
    expect(rowOf(diff, 'auc').cells).toEqual([
      {
        column: 'value',
        before: 0.781,
        after: 0.774,
        thresholdBefore: { operator: '>=', value: 0.75 },
        thresholdAfter: { operator: '>=', value: 0.75 },
        verdictBefore: 'pass',
        verdictAfter: 'pass',
        flip: null,
        changed: true,
      },
    ]);
    expect(rowOf(diff, 'brier').status).toBe('unchanged');
    expect(diff.changes).toBe(1);
    expect(diff.flips).toEqual({ toPass: 0, toFail: 0 });
  });

  it('flags a value that falls below its threshold, and one that rises above it', () => {
    const worse = diffSection(metricTable([auc]), metricTable([{ ...auc, value: 0.74 }]));
    expect(rowOf(worse, 'auc').cells[0]).toMatchObject({ verdictBefore: 'pass', verdictAfter: 'fail', flip: 'pass_to_fail' });
    expect(worse.flips).toEqual({ toPass: 0, toFail: 1 });

    const better = diffSection(metricTable([{ ...brier, value: 0.06 }]), metricTable([brier]));
    expect(rowOf(better, 'brier').cells[0]).toMatchObject({ verdictBefore: 'fail', verdictAfter: 'pass', flip: 'fail_to_pass' });
    expect(better.flips).toEqual({ toPass: 1, toFail: 0 });
  });

  it('flips a verdict when only the threshold moved, and shows the threshold as a row field', () => {
    const stricter = diffSection(metricTable([auc]), metricTable([{ ...auc, threshold: { operator: '>=', value: 0.8 } }]));
    const row = rowOf(stricter, 'auc');
    expect(row.status).toBe('modified');
    expect(row.cells[0]).toMatchObject({ before: 0.781, after: 0.781, verdictBefore: 'pass', verdictAfter: 'fail', flip: 'pass_to_fail', changed: true });
    expect(row.fields.find((field) => field.key === 'threshold')).toEqual({ key: 'threshold', label: 'Threshold', status: 'modified', before: 'at least 0.75', after: 'at least 0.8', text: null });
    expect(stricter.flips).toEqual({ toPass: 0, toFail: 1 });
  });

  it('does not count a cell as changed when a threshold moved without flipping it', () => {
    const diff = diffSection(metricTable([psi]), metricTable([{ ...psi, threshold: { operator: '<', value: 0.25 } }]));
    const row = rowOf(diff, 'psi');
    expect(row.cells[0]).toMatchObject({ changed: false, flip: null, thresholdBefore: { operator: '<', value: 0.1 }, thresholdAfter: { operator: '<', value: 0.25 } });
    expect(row.status).toBe('modified');
    expect(row.fields.filter((field) => field.status !== 'unchanged').map((field) => field.key)).toEqual(['threshold']);
    expect(diff.changes).toBe(1);
  });

  it('keeps a removed metric where it was and adds a new one in the newer order', () => {
    const diff = diffSection(metricTable([auc, brier, psi]), metricTable([auc, psi, { key: 'ks', name: 'KS statistic', value: 0.41, threshold: { operator: '>=', value: 0.35 } }]));
    expect(diff.rows.map((row) => [row.key, row.status])).toEqual([
      ['auc', 'unchanged'],
      ['brier', 'removed'],
      ['psi', 'unchanged'],
      ['ks', 'added'],
    ]);
    expect(rowOf(diff, 'brier').cells[0]).toMatchObject({ before: 0.0412, after: null, verdictBefore: 'pass', verdictAfter: null, flip: null, changed: true });
    expect(rowOf(diff, 'ks').fields.map((field) => [field.key, field.status])).toEqual([
      ['name', 'added'],
      ['threshold', 'added'],
    ]);
    expect(diff.changes).toBe(2);
  });

  it('compares the dataset and the notes as section fields, the notes word by word', () => {
    const before = metricTable([auc], { notes: 'Computed by the owners.' });
    const after = metricTable([auc], { dataset: { name: 'Holdout', version: 'v4', rows: 420_000 }, notes: 'Computed by the owners and reproduced by MRM.' });
    const diff = diffSection(before, after);
    expect(diff.fields.filter((field) => field.status !== 'unchanged').map((field) => [field.key, field.before, field.after])).toEqual([
      ['dataset.version', 'v3', 'v4'],
      ['dataset.rows', '418236', '420000'],
      ['notes', 'Computed by the owners.', 'Computed by the owners and reproduced by MRM.'],
    ]);
    expect(diff.fields.find((field) => field.key === 'notes')?.text?.insertedWords).toBe(4);
    expect(diff.changes).toBe(3);
  });
});

const subgroupMetrics: SubgroupTable['metrics'] = [
  { key: 'approval-ratio', name: 'Approval-rate ratio', threshold: { operator: '>=', value: 0.8 } },
  { key: 'calibration-gap', name: 'Calibration gap', threshold: { operator: '<=', value: 1 } },
];

const subgroup = (key: string, group: string, ratio: number, gap: number): SubgroupRow => ({ key, attribute: 'Age band', group, sampleSize: 1_000, values: { 'approval-ratio': ratio, 'calibration-gap': gap } });

function subgroupTable(rows: SubgroupRow[], metrics = subgroupMetrics): SubgroupTable {
  return { key: 'subgroup_fairness', kind: 'subgroup_table', title: 'Subgroup fairness', referenceGroup: 'Age 25 to 61', metrics, rows };
}

describe('subgroup tables', () => {
  it('has a column per metric and a cell per metric in each row', () => {
    const diff = diffSection(subgroupTable([subgroup('age-62-plus', '62 and over', 0.78, 0.9)]), subgroupTable([subgroup('age-62-plus', '62 and over', 0.86, 0.3)]));
    expect(diff.columns).toEqual([
      { key: 'approval-ratio', label: 'Approval-rate ratio', threshold: { operator: '>=', value: 0.8 } },
      { key: 'calibration-gap', label: 'Calibration gap', threshold: { operator: '<=', value: 1 } },
    ]);
    const row = rowOf(diff, 'age-62-plus');
    expect(row.label).toBe('Age band: 62 and over');
    expect(row.cells.map((cell) => [cell.column, cell.before, cell.after, cell.flip])).toEqual([
      ['approval-ratio', 0.78, 0.86, 'fail_to_pass'],
      ['calibration-gap', 0.9, 0.3, null],
    ]);
    expect(diff.flips).toEqual({ toPass: 1, toFail: 0 });
    expect(diff.changes).toBe(1);
  });

  it('judges each version against its own column threshold', () => {
    const stricter = subgroupMetrics.map((metric) => (metric.key === 'approval-ratio' ? { ...metric, threshold: { operator: '>=' as const, value: 0.85 } } : metric));
    const rows = [subgroup('age-18-24', '18 to 24', 0.83, 0.6), subgroup('age-62-plus', '62 and over', 0.9, 0.3)];
    const diff = diffSection(subgroupTable(rows), subgroupTable(rows, stricter));
    expect(rowOf(diff, 'age-18-24')).toMatchObject({ status: 'modified' });
    expect(rowOf(diff, 'age-18-24').cells[0]).toMatchObject({ before: 0.83, after: 0.83, flip: 'pass_to_fail', changed: true });
    // Still passing: the row did not change, the threshold did (counted once, as a section field).
    expect(rowOf(diff, 'age-62-plus')).toMatchObject({ status: 'unchanged' });
    expect(rowOf(diff, 'age-62-plus').cells[0]).toMatchObject({ thresholdBefore: { value: 0.8 }, thresholdAfter: { value: 0.85 }, changed: false });
    expect(diff.fields.filter((field) => field.status !== 'unchanged')).toEqual([
      { key: 'metrics.approval-ratio.threshold', label: 'Threshold: Approval-rate ratio', status: 'modified', before: 'at least 0.8', after: 'at least 0.85', text: null },
    ]);
    expect(diff.changes).toBe(2);
    expect(diff.flips).toEqual({ toPass: 0, toFail: 1 });
  });

  it('marks added and removed subgroups, with every cell on one side only', () => {
    const diff = diffSection(
      subgroupTable([subgroup('age-18-24', '18 to 24', 0.83, 0.6), subgroup('age-62-plus', '62 and over', 0.78, 0.9)]),
      subgroupTable([subgroup('age-62-plus', '62 and over', 0.78, 0.9), subgroup('age-75-plus', '75 and over', 0.79, 1.2)]),
    );
    expect(diff.rows.map((row) => [row.key, row.status])).toEqual([
      ['age-18-24', 'removed'],
      ['age-62-plus', 'unchanged'],
      ['age-75-plus', 'added'],
    ]);
    expect(rowOf(diff, 'age-75-plus').cells.map((cell) => [cell.before, cell.after, cell.verdictAfter, cell.flip])).toEqual([
      [null, 0.79, 'fail', null],
      [null, 1.2, 'fail', null],
    ]);
    expect(rowOf(diff, 'age-18-24').fields.map((field) => field.status)).toEqual(['removed', 'removed', 'removed']);
    expect(diff.changes).toBe(2);
    expect(diff.flips).toEqual({ toPass: 0, toFail: 0 });
  });
});
