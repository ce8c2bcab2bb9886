import { describe, expect, it } from 'vitest';
import { identificationOf, packageContentSchema, requiredSections, type PackageContent } from '#domain/contracts/package-content.ts';
import type { SectionKind, SectionOfKind } from '#domain/contracts/sections.ts';
import { meetsThreshold } from '#domain/package/thresholds.ts';
import { cardFraudV1, clinicalRiskV1, demoPackages, retailCreditPdV1, retailCreditPdV2 } from './index.ts';

function sectionOf<K extends SectionKind>(content: PackageContent, key: string, kind: K): SectionOfKind<K> {
  const section = content.sections.find((candidate) => candidate.key === key);
  if (section?.kind !== kind) throw new Error(`No ${kind} section "${key}"`);
  return section as SectionOfKind<K>;
}

function metric(content: PackageContent, key: string) {
  const found = sectionOf(content, 'evaluation', 'metric_table').metrics.find((m) => m.key === key);
  if (!found) throw new Error(`No metric "${key}"`);
  return found;
}

function subgroupValue(content: PackageContent, rowKey: string, metricKey: string) {
  const table = sectionOf(content, 'subgroup_fairness', 'subgroup_table');
  const threshold = table.metrics.find((m) => m.key === metricKey)?.threshold;
  const value = table.rows.find((r) => r.key === rowKey)?.values[metricKey];
  if (!threshold || value === undefined) throw new Error(`No subgroup value ${rowKey}/${metricKey}`);
  return { value, passes: meetsThreshold(value, threshold) };
}

/** Keys of subgroup cells (row/metric) that miss their threshold. */
function failingSubgroupCells(content: PackageContent): string[] {
  const table = sectionOf(content, 'subgroup_fairness', 'subgroup_table');
  return table.rows.flatMap((r) => table.metrics.filter((m) => !meetsThreshold(r.values[m.key] ?? Number.NaN, m.threshold)).map((m) => `${r.key}/${m.key}`));
}

function failingMetrics(content: PackageContent): string[] {
  return sectionOf(content, 'evaluation', 'metric_table')
    .metrics.filter((m) => !meetsThreshold(m.value, m.threshold))
    .map((m) => m.key);
}

const allVersions = demoPackages.flatMap((entry) => entry.versions.map((content, index) => ({ entry, content, label: `${entry.modelKey} v${index + 1}` })));

describe('demo packages', () => {
  it('lists the four models in order', () => {
    expect(demoPackages.map((entry) => [entry.modelKey, entry.versionLabel])).toEqual([
      ['retail-credit-pd', '4.2.0'],
      ['clinical-deterioration-risk', '2.0.1'],
      ['card-fraud-detection', '7.1.0'],
      ['support-assistant-llm', '1.3.0'],
    ]);
    expect(demoPackages.map((entry) => entry.versions.length)).toEqual([2, 1, 1, 1]);
  });

  it.each(allVersions)('$label parses against the package content schema', ({ content }) => {
    const result = packageContentSchema.safeParse(content);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(content.sections.map((s) => [s.key, s.kind, s.title])).toEqual(requiredSections.map((s) => [s.key, s.kind, s.title]));
  });

  it.each(allVersions)('$label identification matches its index entry', ({ entry, content }) => {
    const identification = identificationOf(content);
    expect(identification.modelKey).toBe(entry.modelKey);
    expect(identification.versionLabel).toBe(entry.versionLabel);
    expect(identification.ownerContact).toBe('owner@example.com');
  });

  it.each(allVersions)('$label has substantial narrative sections', ({ content }) => {
    for (const section of content.sections) {
      if (section.kind !== 'narrative') continue;
      expect(section.markdown.length, section.key).toBeGreaterThan(1_500);
      expect(section.markdown, section.key).toMatch(/^## /m);
      expect(section.markdown, section.key).not.toMatch(/undefined|lorem ipsum|\[object Object\]/i);
    }
  });

  it('has the tiers and business lines of the brief', () => {
    expect(demoPackages.map((entry) => entry.versions.map((v) => [identificationOf(v).riskTier, identificationOf(v).businessLine]))).toEqual([
      [
        [1, 'Consumer lending'],
        [1, 'Consumer lending'],
      ],
      [[1, 'Clinical operations']],
      [[2, 'Card payments']],
      [[2, 'Customer service']],
    ]);
  });
});

describe('retail credit PD resubmission', () => {
  const changedSections = ['identification', 'design_methodology', 'evaluation', 'subgroup_fairness', 'limitations_risks', 'validation_findings'];

  it('changes exactly the sections the resubmission addresses', () => {
    const changed = retailCreditPdV2.sections
      .filter((section, index) => JSON.stringify(section) !== JSON.stringify(retailCreditPdV1.sections[index]))
      .map((section) => section.key);
    expect(changed).toEqual(changedSections);
  });

  it('reuses the same objects for unchanged sections', () => {
    retailCreditPdV2.sections.forEach((section, index) => {
      if (!changedSections.includes(section.key)) expect(section).toBe(retailCreditPdV1.sections[index]);
    });
  });

  it('changes only the change summary in the identification section', () => {
    const { changeSummary: summaryV1, ...restV1 } = identificationOf(retailCreditPdV1);
    const { changeSummary: summaryV2, ...restV2 } = identificationOf(retailCreditPdV2);
    expect(restV2).toEqual(restV1);
    expect(summaryV2).not.toBe(summaryV1);
  });

  it('fails disparate impact for applicants aged 62+ in v1 and passes it in v2', () => {
    expect(subgroupValue(retailCreditPdV1, 'age-62-plus', 'approval-ratio')).toEqual({ value: 0.78, passes: false });
    expect(subgroupValue(retailCreditPdV2, 'age-62-plus', 'approval-ratio')).toEqual({ value: 0.86, passes: true });
  });

  it('fails nothing else', () => {
    expect(failingSubgroupCells(retailCreditPdV1)).toEqual(['age-62-plus/approval-ratio']);
    expect(failingSubgroupCells(retailCreditPdV2)).toEqual([]);
    expect(failingMetrics(retailCreditPdV1)).toEqual([]);
    expect(failingMetrics(retailCreditPdV2)).toEqual([]);
  });
});

describe('clinical deterioration risk', () => {
  it('reports a holdout AUC of 0.942 and calibration drift under 0.01', () => {
    expect(metric(clinicalRiskV1, 'auroc').value).toBe(0.942);
    expect(metric(clinicalRiskV1, 'auroc').threshold).toEqual({ operator: '>=', value: 0.85 });
    expect(metric(clinicalRiskV1, 'calibration-drift')).toMatchObject({ value: 0.008, threshold: { operator: '<', value: 0.01 } });
    expect(failingMetrics(clinicalRiskV1)).toEqual([]);
    expect(failingSubgroupCells(clinicalRiskV1)).toEqual([]);
  });
});

describe('card fraud detection', () => {
  it('passes every card-not-present metric and fails a card-present one', () => {
    expect(failingMetrics(cardFraudV1)).toEqual(['cp-vdr']);
    expect(failingSubgroupCells(cardFraudV1)).toEqual([]);
  });
});
