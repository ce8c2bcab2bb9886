import { describe, expect, it } from 'vitest';
import type { Finding } from '../contracts/findings.ts';
import type { Section } from '../contracts/sections.ts';
import { findingsOnSection } from './on-version.ts';

const section = { key: 'evaluation', title: 'Evaluation', kind: 'narrative', markdown: 'AUC 0.81 on the 2024 holdout; calibration by decile.' } as unknown as Section;
const finding = (id: string, overrides: Partial<Finding>) => ({ id, sectionKey: 'evaluation', versionNumber: 1, anchor: null, createdAt: `2026-12-0${id.length}T00:00:00.000Z`, ...overrides }) as Finding;

describe('findings on a version', () => {
  it('shows a section’s findings raised on the version or before: carried over with the section or their quote, outdated when the quote is gone', () => {
    const findings = [
      finding('a', { versionNumber: 2 }),
      finding('bb', { anchor: { exact: 'AUC 0.81', prefix: '', suffix: '' } }),
      finding('ccc', { anchor: { exact: 'AUC 0.79', prefix: '', suffix: '' } }),
      finding('dddd', {}),
      finding('eeeee', { sectionKey: 'limitations' }),
      finding('ffffff', { versionNumber: 3 }),
    ];
    expect(findingsOnSection(findings, 2, section).map((f) => [f.finding.id, f.state])).toEqual([
      ['a', 'raised_here'],
      ['bb', 'carried_over'],
      ['ccc', 'outdated'],
      ['dddd', 'carried_over'],
    ]);
    expect(findingsOnSection(findings, 1, section).map((f) => f.finding.id)).toEqual(['bb', 'ccc', 'dddd']);
  });
});
