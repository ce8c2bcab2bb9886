import { describe, expect, it } from 'vitest';
import type { PackageContent } from '../contracts/package-content.ts';
import type { Section } from '../contracts/sections.ts';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import { diffPackages, diffSectionPairs } from './package-diff.ts';
import { summarizeDiff } from './summary.ts';

const narrative = (key: string, markdown = `About ${key}.`): Section => ({ key, kind: 'narrative', title: key, markdown });
const content = (sections: Section[]): PackageContent => ({ schemaVersion: 'model-approval-package/1', sections });

describe('diffPackages on the Retail Credit PD resubmission', () => {
  const diff = diffPackages(retailCreditPdV1, retailCreditPdV2);

  it('finds the six sections the resubmission changed, and no others', () => {
    expect(diff.sections.map((section) => section.key)).toEqual(retailCreditPdV2.sections.map((section) => section.key));
    expect(diff.summary).toMatchObject({ added: 0, removed: 0, modified: 6, unchanged: 5, flips: { toPass: 1, toFail: 0 }, coarse: false });
    expect(diff.summary.sections.map((section) => [section.key, section.status])).toEqual([
      ['identification', 'modified'],
      ['design_methodology', 'modified'],
      ['evaluation', 'modified'],
      ['subgroup_fairness', 'modified'],
      ['limitations_risks', 'modified'],
      ['validation_findings', 'modified'],
    ]);
    expect(diff.sections.filter((section) => section.status === 'unchanged').map((section) => section.key)).toEqual([
      'intended_use',
      'training_data',
      'human_oversight',
      'regulatory_references',
      'security_controls',
    ]);
  });

  it('shows applicants aged 62 and over moving from failing to passing the approval-rate ratio', () => {
    const subgroups = diff.sections.find((section) => section.key === 'subgroup_fairness');
    const row = subgroups?.rows.find((candidate) => candidate.key === 'age-62-plus');
    expect(row?.status).toBe('modified');
    expect(row?.cells.find((cell) => cell.column === 'approval-ratio')).toEqual({
      column: 'approval-ratio',
      before: 0.78,
      after: 0.86,
      thresholdBefore: { operator: '>=', value: 0.8 },
      thresholdAfter: { operator: '>=', value: 0.8 },
      verdictBefore: 'fail',
      verdictAfter: 'pass',
      flip: 'fail_to_pass',
      changed: true,
    });
    expect(subgroups?.flips).toEqual({ toPass: 1, toFail: 0 });
    // Every one of the ten subgroups has new values, and the notes were rewritten.
    expect(subgroups?.changes).toBe(11);
  });

  it('shows the lower AUC of the resubmitted model, still passing', () => {
    const evaluation = diff.sections.find((section) => section.key === 'evaluation');
    expect(evaluation?.rows.filter((row) => row.status === 'modified').map((row) => row.key)).toEqual(['auc', 'gini', 'ks', 'brier']);
    expect(evaluation?.rows.find((row) => row.key === 'auc')?.cells[0]).toMatchObject({ before: 0.781, after: 0.774, flip: null });
  });

  it('shows the new risk and the age risk going from high to low', () => {
    const risks = diff.sections.find((section) => section.key === 'limitations_risks');
    expect(risks?.rows.find((row) => row.key === 'lda-performance-cost')?.status).toBe('added');
    const age = risks?.rows.find((row) => row.key === 'age-disparate-impact');
    expect(age?.fields.find((field) => field.key === 'residualRisk')).toMatchObject({ before: 'high', after: 'low' });
  });
});

describe('diffSectionPairs', () => {
  it('follows the newer order and puts each removed section after its predecessor', () => {
    const before = content([narrative('a'), narrative('b'), narrative('c'), narrative('d')]);
    const after = content([narrative('e'), narrative('a'), narrative('c')]);
    expect(diffSectionPairs(before, after).map(({ key, before: old, after: now }) => [key, old !== undefined, now !== undefined])).toEqual([
      ['e', false, true],
      ['a', true, true],
      ['b', true, false],
      ['c', true, true],
      ['d', true, false],
    ]);
  });

  it('puts a removed first section first', () => {
    const pairs = diffSectionPairs(content([narrative('a'), narrative('b')]), content([narrative('b')]));
    expect(pairs.map((pair) => pair.key)).toEqual(['a', 'b']);
  });
});

describe('summarizeDiff', () => {
  it('counts by status and lists only the sections that changed', () => {
    const diff = diffPackages(content([narrative('a'), narrative('b'), narrative('c')]), content([narrative('a'), narrative('c', 'Rewritten.'), narrative('d')]));
    expect(diff.summary).toEqual({
      added: 1,
      removed: 1,
      modified: 1,
      unchanged: 1,
      flips: { toPass: 0, toFail: 0 },
      coarse: false,
      sections: [
        { key: 'b', title: 'b', status: 'removed', changes: 2, flips: { toPass: 0, toFail: 0 } },
        { key: 'c', title: 'c', status: 'modified', changes: 1, flips: { toPass: 0, toFail: 0 } },
        { key: 'd', title: 'd', status: 'added', changes: 2, flips: { toPass: 0, toFail: 0 } },
      ],
    });
    expect(summarizeDiff([])).toEqual({ added: 0, removed: 0, modified: 0, unchanged: 0, flips: { toPass: 0, toFail: 0 }, coarse: false, sections: [] });
  });
});
