import { describe, expect, it } from 'vitest';
import type { Section, SectionOfKind } from '../contracts/sections.ts';
import { diffSection } from './section-diff.ts';

type Narrative = SectionOfKind<'narrative'>;

const oversight: Narrative = { key: 'human_oversight', kind: 'narrative', title: 'Human oversight', markdown: 'Approval-rate ratios are monitored quarterly.' };

describe('diffSection', () => {
  it('compares a narrative word by word, with its title as a field', () => {
    const diff = diffSection(oversight, { ...oversight, title: 'Human oversight and monitoring', markdown: 'Approval-rate ratios are monitored monthly by age band.' });
    expect(diff).toMatchObject({ key: 'human_oversight', title: 'Human oversight and monitoring', kind: 'narrative', kindBefore: null, status: 'modified', changes: 2, coarse: false });
    expect(diff.fields.map((field) => [field.key, field.status])).toEqual([
      ['title', 'modified'],
      ['markdown', 'modified'],
    ]);
    const markdown = diff.fields[1];
    expect(markdown?.text?.spans).toEqual([
      { op: 'equal', text: 'Approval-rate ratios are monitored ' },
      { op: 'delete', text: 'quarterly' },
      { op: 'insert', text: 'monthly by age band' },
      { op: 'equal', text: '.' },
    ]);
    expect(markdown?.text).toMatchObject({ insertedWords: 4, deletedWords: 1 });
  });

  it('is coarse when a text had to be compared more coarsely than word by word', () => {
    const before: Narrative = { ...oversight, markdown: 'Monitoring is quarterly.\nRe-review every year.\nRollback within a day.' };
    const after: Narrative = { ...oversight, markdown: 'Monitoring is monthly.\nRe-review on any red alert.\nRollback within four hours.' };
    const diff = diffSection(before, after, { maxEditLength: 2, timeoutMs: 1_000 });
    expect(diff.fields.find((field) => field.key === 'markdown')?.text?.granularity).toBe('whole');
    expect(diff.coarse).toBe(true);
  });

  it('finds a section unchanged whatever the order of its keys, with no detail', () => {
    const reordered = JSON.parse('{"markdown":"Approval-rate ratios are monitored quarterly.","title":"Human oversight","kind":"narrative","key":"human_oversight"}') as Section;
    expect(diffSection(oversight, reordered)).toEqual({
      key: 'human_oversight',
      title: 'Human oversight',
      kind: 'narrative',
      kindBefore: null,
      status: 'unchanged',
      fields: [],
      columns: [],
      rows: [],
      changes: 0,
      flips: { toPass: 0, toFail: 0 },
      coarse: false,
    });
  });

  it('marks every field and row of an added section as added', () => {
    const evaluation: Section = {
      key: 'evaluation',
      kind: 'metric_table',
      title: 'Evaluation',
      dataset: { name: 'Holdout', version: 'v3', rows: 1_000 },
      metrics: [
        { key: 'auc', name: 'AUC', value: 0.74, threshold: { operator: '>=', value: 0.75 } },
        { key: 'ks', name: 'KS', value: 0.4, threshold: { operator: '>=', value: 0.35 } },
      ],
    };
    const diff = diffSection(undefined, evaluation);
    expect(diff.status).toBe('added');
    expect(diff.fields.map((field) => [field.key, field.status, field.before, field.after])).toEqual([
      ['title', 'added', null, 'Evaluation'],
      ['dataset.name', 'added', null, 'Holdout'],
      ['dataset.version', 'added', null, 'v3'],
      ['dataset.rows', 'added', null, '1000'],
    ]);
    expect(diff.rows.map((row) => row.status)).toEqual(['added', 'added']);
    expect(diff.rows.flatMap((row) => row.fields).every((field) => field.status === 'added')).toBe(true);
    // A failing metric that is new did not flip: it has no earlier verdict.
    expect(diff.rows[0]?.cells[0]).toMatchObject({ before: null, after: 0.74, verdictBefore: null, verdictAfter: 'fail', flip: null, changed: true });
    expect(diff.flips).toEqual({ toPass: 0, toFail: 0 });
    expect(diff.changes).toBe(6);
  });

  it('marks every field of a removed section as removed, with its text as a deletion', () => {
    const diff = diffSection(oversight, undefined);
    expect(diff).toMatchObject({ key: 'human_oversight', title: 'Human oversight', status: 'removed', changes: 2 });
    expect(diff.fields.map((field) => [field.key, field.status, field.after])).toEqual([
      ['title', 'removed', null],
      ['markdown', 'removed', null],
    ]);
    expect(diff.fields[1]?.text).toEqual({ spans: [{ op: 'delete', text: oversight.markdown }], granularity: 'words', insertedWords: 0, deletedWords: 5 });
  });

  it('compares the fields of an identification section, the change summary word by word', () => {
    const before: Section = {
      key: 'identification',
      kind: 'identification',
      title: 'Identification',
      modelKey: 'retail-credit-pd',
      modelName: 'Retail Credit PD',
      versionLabel: '4.2.0',
      ownerTeam: 'Credit Risk Analytics',
      ownerContact: 'owner@example.com',
      riskTier: 2,
      businessLine: 'Consumer lending',
      changeSummary: 'First submission.',
    };
    const diff = diffSection(before, { ...before, riskTier: 1, changeSummary: 'Resubmission after the rejection.' });
    expect(diff.fields.filter((field) => field.status !== 'unchanged').map((field) => [field.key, field.before, field.after, field.text === null])).toEqual([
      ['riskTier', '2', '1', true],
      ['changeSummary', 'First submission.', 'Resubmission after the rejection.', false],
    ]);
    expect(diff.changes).toBe(2);
  });

  it('compares a section that changed kind by the paths of its values, and says what it was', () => {
    const table: Section = {
      key: 'human_oversight',
      kind: 'metric_table',
      title: 'Human oversight',
      dataset: { name: 'Monitoring sample', version: '1', rows: 10 },
      metrics: [{ key: 'psi', name: 'PSI', value: 0.04, threshold: { operator: '<', value: 0.1 } }],
    };
    const diff = diffSection(oversight, table);
    expect(diff).toMatchObject({ kind: 'metric_table', kindBefore: 'narrative', status: 'modified', rows: [], columns: [] });
    expect(diff.fields.map((field) => [field.key, field.status])).toEqual([
      ['kind', 'modified'],
      ['title', 'unchanged'],
      ['markdown', 'removed'],
      ['dataset.name', 'added'],
      ['dataset.version', 'added'],
      ['dataset.rows', 'added'],
      ['metrics.psi.name', 'added'],
      ['metrics.psi.value', 'added'],
      ['metrics.psi.threshold.operator', 'added'],
      ['metrics.psi.threshold.value', 'added'],
    ]);
    expect(diff.fields[0]).toMatchObject({ before: 'narrative', after: 'metric_table' });
    expect(diff.changes).toBe(9);
  });
});
