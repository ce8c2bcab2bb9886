import { describe, expect, it } from 'vitest';
import type { SectionOfKind } from '../contracts/sections.ts';
import { diffSection } from './section-diff.ts';
import type { FieldDiff, RowDiff, SectionDiff } from './types.ts';

type RiskRegister = SectionOfKind<'risk_register'>;
type Risk = RiskRegister['risks'][number];
type Lineage = SectionOfKind<'lineage'>;
type Dataset = Lineage['datasets'][number];

const drift: Risk = {
  key: 'drift',
  title: 'Population drift',
  description: 'Applicant mix may shift after a marketing campaign.',
  likelihood: 'possible',
  impact: 'moderate',
  controls: ['Monthly PSI monitoring', 'Quarterly backtesting'],
  residualRisk: 'medium',
  owner: 'Daniel Okafor',
};

const misuse: Risk = {
  key: 'misuse',
  title: 'Use outside the approved scope',
  description: 'Other teams may consume the score.',
  likelihood: 'unlikely',
  impact: 'moderate',
  controls: ['Access allow-list'],
  residualRisk: 'low',
  owner: 'Raj Patel',
};

const register = (risks: Risk[]): RiskRegister => ({ key: 'limitations_risks', kind: 'risk_register', title: 'Risks', risks });

function rowOf(diff: SectionDiff, key: string): RowDiff {
  const row = diff.rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`No row ${key}`);
  return row;
}

function fieldOf(row: RowDiff, key: string): FieldDiff {
  const field = row.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`No field ${key}`);
  return field;
}

describe('risk registers', () => {
  it('matches risks by key: added, removed and modified, in the newer order', () => {
    const lda: Risk = { ...misuse, key: 'lda-cost', title: 'Lower discrimination of the alternative model', likelihood: 'almost_certain' };
    const diff = diffSection(register([drift, misuse]), register([lda, { ...drift, residualRisk: 'low' }]));
    expect(diff.rows.map((row) => [row.key, row.label, row.status])).toEqual([
      ['lda-cost', 'Lower discrimination of the alternative model', 'added'],
      ['drift', 'Population drift', 'modified'],
      ['misuse', 'Use outside the approved scope', 'removed'],
    ]);
    expect(rowOf(diff, 'drift').fields.filter((field) => field.status !== 'unchanged')).toEqual([
      { key: 'residualRisk', label: 'Residual risk', status: 'modified', before: 'medium', after: 'low', text: null },
    ]);
    // Enumerations read as words.
    expect(fieldOf(rowOf(diff, 'lda-cost'), 'likelihood')).toMatchObject({ status: 'added', before: null, after: 'almost certain' });
    expect(rowOf(diff, 'misuse').fields.every((field) => field.status === 'removed')).toBe(true);
    expect(rowOf(diff, 'drift').cells).toEqual([]);
    expect(diff.changes).toBe(3);
  });

  it('marks each control added or removed, and joins the list for before and after', () => {
    const diff = diffSection(register([drift]), register([{ ...drift, controls: ['Monthly PSI monitoring', 'Macro re-review trigger'] }]));
    expect(fieldOf(rowOf(diff, 'drift'), 'controls')).toEqual({
      key: 'controls',
      label: 'Controls',
      status: 'modified',
      before: 'Monthly PSI monitoring\nQuarterly backtesting',
      after: 'Monthly PSI monitoring\nMacro re-review trigger',
      text: null,
      entries: [
        { text: 'Monthly PSI monitoring', status: 'unchanged' },
        { text: 'Quarterly backtesting', status: 'removed' },
        { text: 'Macro re-review trigger', status: 'added' },
      ],
    });
  });

  it('gives a changed description a word diff', () => {
    const diff = diffSection(register([drift]), register([{ ...drift, description: 'Applicant mix may shift after a pricing change.' }]));
    const description = fieldOf(rowOf(diff, 'drift'), 'description');
    expect(description.status).toBe('modified');
    expect(description.text?.granularity).toBe('words');
    expect(description.text?.spans.filter((span) => span.op !== 'equal')).toEqual([
      { op: 'delete', text: 'marketing' },
      { op: 'insert', text: 'pricing' },
      { op: 'delete', text: 'campaign' },
      { op: 'insert', text: 'change' },
    ]);
    expect(description.text).toMatchObject({ insertedWords: 2, deletedWords: 2 });
    expect(fieldOf(rowOf(diff, 'drift'), 'owner').text).toBeNull();
  });
});

const applications: Dataset = {
  key: 'applications',
  name: 'Loan applications',
  version: 'V7',
  location: 'snowflake://LENDING.APPLICATIONS_V7',
  rows: 3_286_410,
  authorization: 'First-party data under the privacy notice.',
  sensitiveAttributes: ['Date of birth', 'Marital status'],
  derivedFrom: [],
};

const lineage = (datasets: Dataset[]): Lineage => ({ key: 'training_data', kind: 'lineage', title: 'Training data provenance', datasets });

describe('lineage lists', () => {
  it('compares sensitive attributes entry by entry and leaves unchanged fields unchanged', () => {
    const diff = diffSection(lineage([applications]), lineage([{ ...applications, sensitiveAttributes: ['Date of birth', 'Marital status', 'ZIP code'] }]));
    const row = rowOf(diff, 'applications');
    expect(row.label).toBe('Loan applications');
    expect(row.fields.map((field) => [field.key, field.status])).toEqual([
      ['name', 'unchanged'],
      ['version', 'unchanged'],
      ['location', 'unchanged'],
      ['rows', 'unchanged'],
      ['authorization', 'unchanged'],
      ['sensitiveAttributes', 'modified'],
      ['derivedFrom', 'unchanged'],
    ]);
    expect(fieldOf(row, 'sensitiveAttributes').entries?.filter((entry) => entry.status !== 'unchanged')).toEqual([{ text: 'ZIP code', status: 'added' }]);
    expect(fieldOf(row, 'derivedFrom')).toMatchObject({ before: '', after: '', entries: [] });
  });

  it('shows an optional property that appears as an added field', () => {
    const diff = diffSection(lineage([applications]), lineage([{ ...applications, period: '2019-07 to 2023-06' }]));
    expect(fieldOf(rowOf(diff, 'applications'), 'period')).toEqual({ key: 'period', label: 'Period', status: 'added', before: null, after: '2019-07 to 2023-06', text: null });
    expect(diff.changes).toBe(1);
  });
});

describe('references', () => {
  it('labels a reference by its framework and citation', () => {
    const ecoa = { key: 'ecoa', framework: 'Equal Credit Opportunity Act', citation: '15 U.S.C. 1691', relevance: 'Prohibits discrimination.' };
    const before: SectionOfKind<'references'> = { key: 'regulatory_references', kind: 'references', title: 'References', references: [ecoa] };
    const after: SectionOfKind<'references'> = { ...before, references: [{ ...ecoa, url: 'https://www.law.cornell.edu/uscode/text/15/1691' }] };
    const diff = diffSection(before, after);
    expect(rowOf(diff, 'ecoa')).toMatchObject({ label: 'Equal Credit Opportunity Act, 15 U.S.C. 1691', status: 'modified' });
    expect(fieldOf(rowOf(diff, 'ecoa'), 'url')).toMatchObject({ status: 'added', after: 'https://www.law.cornell.edu/uscode/text/15/1691' });
  });
});
