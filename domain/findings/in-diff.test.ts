import { describe, expect, it } from 'vitest';
import type { Finding, FindingEvent } from '../contracts/findings.ts';
import type { Section } from '../contracts/sections.ts';
import { findingsInDiff, statusAsOf } from './in-diff.ts';

const newer = { key: 'evaluation', title: 'Evaluation', kind: 'narrative', markdown: 'AUC 0.81 on the 2024 holdout; calibration by decile.' } as unknown as Section;
const step = (to: FindingEvent['to'], versionNumber: number) => ({ to, versionNumber }) as FindingEvent;
const finding = (id: string, overrides: Partial<Finding>) =>
  ({ id, sectionKey: 'evaluation', versionNumber: 1, anchor: null, createdAt: `2026-12-0${id.length}T00:00:00.000Z`, history: [step('open', 1)], ...overrides }) as Finding;
const quote = (exact: string) => ({ exact, prefix: '', suffix: '' });
const changes = (list: ReturnType<typeof findingsInDiff>) => list.map((f) => [f.finding.id, f.change]);

describe('findings in the diff of two versions', () => {
  const findings = [
    finding('a', { versionNumber: 2 }),
    finding('bb', { anchor: quote('AUC 0.81') }),
    finding('ccc', { anchor: quote('AUC 0.79') }),
    finding('dddd', {}),
    finding('eeeee', { sectionKey: 'limitations' }),
    finding('ffffff', { versionNumber: 3 }),
  ];

  it('marks findings raised on the older version or before by what happened to their section or passage, and later ones as new', () => {
    expect(changes(findingsInDiff(findings, { from: 1, to: 2 }, { key: 'evaluation', newer, changed: true }))).toEqual([
      ['a', 'new'],
      ['bb', 'section_changed'],
      ['ccc', 'passage_gone'],
      ['dddd', 'section_changed'],
    ]);
  });

  it('calls a finding unchanged only when its section is identical in both versions, whatever its quote', () => {
    expect(changes(findingsInDiff(findings, { from: 1, to: 2 }, { key: 'evaluation', newer, changed: false }))).toEqual([
      ['a', 'new'],
      ['bb', 'unchanged'],
      ['ccc', 'unchanged'],
      ['dddd', 'unchanged'],
    ]);
  });

  it('says when the newer version has no such section', () => {
    expect(changes(findingsInDiff(findings, { from: 1, to: 2 }, { key: 'evaluation', newer: undefined, changed: true })).map(([, change]) => change)).toEqual(['new', 'section_removed', 'section_removed', 'section_removed']);
  });

  it('compares the same way whichever version is asked for first, and leaves out findings raised after the newer one', () => {
    const forward = findingsInDiff(findings, { from: 1, to: 3 }, { key: 'evaluation', newer, changed: true });
    expect(findingsInDiff(findings, { from: 3, to: 1 }, { key: 'evaluation', newer, changed: true })).toEqual(forward);
    expect(changes(forward)).toContainEqual(['ffffff', 'new']);
    expect(changes(findingsInDiff(findings, { from: 2, to: 3 }, { key: 'evaluation', newer, changed: true }))).toEqual([
      ['a', 'section_changed'],
      ['bb', 'section_changed'],
      ['ccc', 'passage_gone'],
      ['dddd', 'section_changed'],
      ['ffffff', 'new'],
    ]);
  });

  it('gives the status as of each version, so a finding closed in between shows as closed', () => {
    const closed = finding('g', { history: [step('open', 1), step('remediation_proposed', 1), step('remediated', 2), step('verified', 2)] });
    const [row] = findingsInDiff([closed], { from: 1, to: 2 }, { key: 'evaluation', newer, changed: true });
    expect(row).toMatchObject({ statusBefore: 'remediation_proposed', statusAfter: 'verified' });
    const raisedLate = finding('h', { versionNumber: 1, history: [step('open', 3), step('risk_accepted', 3)] });
    expect(statusAsOf(raisedLate, 1)).toBe('open');
    expect(statusAsOf(raisedLate, 3)).toBe('risk_accepted');
    const [fresh] = findingsInDiff([finding('i', { versionNumber: 2, history: [step('open', 2)] })], { from: 1, to: 2 }, { key: 'evaluation', newer, changed: true });
    expect(fresh).toMatchObject({ change: 'new', statusBefore: null, statusAfter: 'open' });
  });
});
