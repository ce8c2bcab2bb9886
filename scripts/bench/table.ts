// The bench's two tables: measured rows (median, min, max of several runs) and budgets
// (a value measured in this run against its limit, with pass or fail).

export type Unit = 'ms' | 'req/s' | 'decisions/s' | 'KB';

export interface Row {
  name: string;
  unit: Unit;
  samples: number[];
}

/** `under`: value < limit; `atMost`: ≤; `atLeast`: ≥; `holds`: a check that is true or false; `reported`: no limit. */
export type BudgetKind = 'under' | 'atMost' | 'atLeast' | 'holds' | 'reported';

export interface Budget {
  name: string;
  value: number;
  /** How the value reads: '1.23x', '687.1 ms', 'intact'. */
  shown: string;
  kind: BudgetKind;
  limit: number;
  /** How the limit reads: 'under 1000 ms'. */
  limitShown: string;
}

export interface Report {
  rows: Row[];
  budgets: Budget[];
  /** Lines for the notes under the tables (setup, caveats). */
  notes: string[];
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

export const fmt = (x: number): string => x.toFixed(Math.abs(x) < 10 ? 2 : 1);

export function formatValue(x: number, unit: Unit): string {
  if (unit === 'req/s' || unit === 'decisions/s') return `${x.toFixed(x < 100 ? 1 : 0)} ${unit}`;
  if (unit === 'KB') return `${x.toFixed(1)} KB`;
  return `${fmt(x)} ms`;
}

export function addRow(report: Report, name: string, unit: Unit, samples: number[]): Row {
  const row = { name, unit, samples };
  report.rows.push(row);
  return row;
}

/** Times `work` `runs` times after one unrecorded warm-up run. */
export async function measure(report: Report, name: string, runs: number, work: () => unknown): Promise<Row> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return addRow(report, name, 'ms', samples);
}

export function passes(budget: Budget): boolean | null {
  switch (budget.kind) {
    case 'under':
      return budget.value < budget.limit;
    case 'atMost':
      return budget.value <= budget.limit;
    case 'atLeast':
      return budget.value >= budget.limit;
    case 'holds':
      return budget.value === 1;
    case 'reported':
      return null;
  }
}

/** What a missed budget says: by how much, absolute and relative. */
export function missText(budget: Budget): string {
  if (budget.kind === 'holds') return `Budget missed: ${budget.name}: ${budget.shown}`;
  const gap = budget.kind === 'atLeast' ? budget.limit - budget.value : budget.value - budget.limit;
  // The limit's unit, as written after its number: 'under 50 ms', 'at least 1.6x', 'at most 150 KB'.
  const unit = /\d(?: ?)(ms|KB|x)$/.exec(budget.limitShown)?.[1] ?? '';
  return `Budget missed: ${budget.name}: ${budget.shown} against ${budget.limitShown}, missed by ${fmt(gap)}${unit === 'x' ? 'x' : unit ? ` ${unit}` : ''} (${((gap / budget.limit) * 100).toFixed(1)}% of the limit)`;
}

export function renderTables(report: Report): string[] {
  return [
    '| benchmark | median | min | max | runs |',
    '| --- | --- | --- | --- | --- |',
    ...report.rows.map((r) => `| ${r.name} | ${formatValue(median(r.samples), r.unit)} | ${formatValue(Math.min(...r.samples), r.unit)} | ${formatValue(Math.max(...r.samples), r.unit)} | ${r.samples.length} |`),
    '',
    '| ratio or budget (same run) | value | budget | result |',
    '| --- | --- | --- | --- |',
    ...report.budgets.map((b) => {
      const pass = passes(b);
      return `| ${b.name} | ${b.shown} | ${b.limitShown} | ${pass === null ? '(reported)' : pass ? 'pass' : '**FAIL**'} |`;
    }),
  ];
}
