import { describe, expect, it } from 'vitest';
import { weakenedControls } from './weakened-controls.ts';
import type { MethodBody, PolicyBody, TemplateBody } from './catalogue-comparison.ts';

const policy: PolicyBody = {
  key: 'mortgage-credit',
  name: 'Mortgage credit models',
  scope: { riskTiers: [1, 2], businessLines: ['Mortgages'] },
  onBlockingFailure: 'refuse',
  metrics: [
    { metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' },
    { metric: 'ece', operator: '<=', value: 0.01, enforcement: 'blocking' },
  ],
  subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.8, enforcement: 'blocking', subgroups: ['age-62-plus', 'race-black'] }],
  requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }],
  requiredEvidence: [{ key: 'dpia', label: 'DPIA', needsLink: true, enforcement: 'blocking' }],
  appliesToPackagesInReview: true,
};

const fields = (list: { field: string }[]) => list.map((w) => w.field);

describe('weakenedControls: policies', () => {
  it('finds nothing in an identical or a stricter version, nor for a new key', () => {
    expect(weakenedControls({ kind: 'publish_policy', current: policy, proposed: policy })).toEqual([]);
    const stricter: PolicyBody = { ...policy, metrics: [{ metric: 'auc', operator: '>=', value: 0.8, enforcement: 'blocking' }, { metric: 'ece', operator: '<=', value: 0.005, enforcement: 'blocking' }], requiredSections: [...policy.requiredSections, { section: 'evaluation', enforcement: 'advisory' }] };
    expect(weakenedControls({ kind: 'publish_policy', current: policy, proposed: stricter })).toEqual([]);
    expect(weakenedControls({ kind: 'publish_policy', current: null, proposed: { ...policy, metrics: [] } })).toEqual([]);
  });

  it('lists a threshold loosened in either direction, a strict bound made inclusive, a requirement turned advisory or removed', () => {
    const lax: PolicyBody = {
      ...policy,
      metrics: [{ metric: 'ece', operator: '<=', value: 0.05, enforcement: 'advisory' }],
      subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.7, enforcement: 'blocking', subgroups: ['race-black'] }],
    };
    const found = weakenedControls({ kind: 'publish_policy', current: policy, proposed: lax });
    expect(fields(found)).toEqual(['/metrics/0', '/metrics/0/enforcement', '/metrics/0/value', '/subgroupMetrics/0/value', '/subgroupMetrics/0/subgroups']);
    expect(found[0]?.message).toBe('The auc threshold is no longer required');
    expect(found[2]?.message).toBe('ece must be <= 0.05 instead of <= 0.01');
    expect(found[4]?.message).toContain('age-62-plus');
    const inclusive = weakenedControls({ kind: 'publish_policy', current: { ...policy, metrics: [{ metric: 'auc', operator: '>', value: 0.75, enforcement: 'blocking' }] }, proposed: { ...policy, metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }] } });
    expect(fields(inclusive)).toEqual(['/metrics/0/value']);
  });

  it('lists a required section dropped, evidence turned advisory or without its link, failures let into review, scope narrowed, packages in review no longer re-checked', () => {
    const lax: PolicyBody = {
      ...policy,
      onBlockingFailure: 'enter_review_flagged',
      scope: { riskTiers: [1], businessLines: ['Mortgages'], modelTypes: ['binary_classification'] },
      requiredSections: [],
      requiredEvidence: [{ key: 'dpia', label: 'DPIA', needsLink: false, enforcement: 'advisory' }],
      appliesToPackagesInReview: false,
    };
    const found = weakenedControls({ kind: 'publish_policy', current: policy, proposed: lax });
    expect(fields(found)).toEqual(['/onBlockingFailure', '/requiredSections/0', '/requiredEvidence/0/enforcement', '/requiredEvidence/0/needsLink', '/scope/riskTiers', '/scope/modelTypes', '/appliesToPackagesInReview']);
    expect(found.find((w) => w.field === '/scope/riskTiers')?.message).toBe('Applies to fewer risk tiers: no longer 2');
    expect(found.find((w) => w.field === '/scope/modelTypes')?.message).toBe('Applies to fewer model types: only binary_classification');
  });
});

const step = { key: 'model_risk', name: 'Model risk', role: 'model_risk' as const, approvalsRequired: 2, dueHours: 48, sections: ['evaluation', 'fairness'] };
const template: TemplateBody = { key: 'tier-1', name: 'Tier 1', riskTiers: [1], staleApprovals: 'every_change', steps: [step, { ...step, key: 'committee', name: 'Committee', role: 'committee', approvalsRequired: 1 }] };

describe('weakenedControls: templates', () => {
  it('finds nothing in the same template, and lists steps removed, fewer approvals, sections dropped, longer due times, relaxed staleness, segregation, findings and emergency roles', () => {
    expect(weakenedControls({ kind: 'publish_template', current: template, proposed: template })).toEqual([]);
    const lax: TemplateBody = {
      ...template,
      staleApprovals: 'responsible_sections',
      steps: [{ ...step, approvalsRequired: 1, dueHours: 96, sections: ['evaluation'] }],
      allowSameDeciderAcrossSteps: true,
      blockingFindingSeverities: ['critical'],
      emergencyRoles: ['committee'],
    };
    expect(fields(weakenedControls({ kind: 'publish_template', current: template, proposed: lax }))).toEqual([
      '/steps/0/approvalsRequired',
      '/steps/0/sections',
      '/steps/0/dueHours',
      '/steps/1',
      '/staleApprovals',
      '/allowSameDeciderAcrossSteps',
      '/blockingFindingSeverities',
      '/emergencyRoles',
    ]);
  });
});

const method: MethodBody = { name: 'Weighted', kind: 'weighted_scorecard', categories: ['fairness', 'data'], controlReduction: { partial: 0.25, effective: 0.5 }, weights: { fairness: 75, data: 25 }, thresholds: { '3': 4, '2': 8, '1': 12 } };

describe('weakenedControls: tiering methods, schedules, lines', () => {
  it('lists raised tier thresholds, larger control reductions, categories no longer scored, and matrix cells rated a lower-risk tier', () => {
    expect(weakenedControls({ kind: 'publish_tiering_method', current: method, proposed: { ...method, thresholds: { '3': 3, '2': 8, '1': 12 } } })).toEqual([]);
    const lax: MethodBody = { ...method, categories: ['data'], controlReduction: { partial: 0.25, effective: 0.9 }, thresholds: { '3': 4, '2': 8, '1': 20 } };
    expect(fields(weakenedControls({ kind: 'publish_tiering_method', current: method, proposed: lax }))).toEqual(['/thresholds/1', '/controlReduction/effective', '/categories']);
    const grid = Array.from({ length: 5 }, () => [1, 1, 2, 3, 4]);
    const laxGrid = grid.map((row, l) => (l === 0 ? [2, 1, 2, 3, 4] : row));
    const matrix: MethodBody = { name: 'Matrix', kind: 'risk_matrix', categories: ['fairness'], controlReduction: { partial: 0.25, effective: 0.5 }, grid };
    expect(weakenedControls({ kind: 'publish_tiering_method', current: matrix, proposed: { ...matrix, grid: laxGrid } })).toEqual([{ field: '/grid', message: '1 cell of the risk matrix gives a lower-risk tier than before' }]);
  });

  it('lists a tier revalidated less often, and a line retired with packages filed under it', () => {
    const months = { '1': 12, '2': 24, '3': 36, '4': 48 };
    expect(weakenedControls({ kind: 'publish_revalidation_schedule', current: { months }, proposed: { months: { ...months, '1': 6 } } })).toEqual([]);
    expect(weakenedControls({ kind: 'publish_revalidation_schedule', current: { months }, proposed: { months: { ...months, '1': 18 } } })).toEqual([{ field: '/months/1', message: 'Tier 1 is revalidated every 18 months instead of every 12' }]);
    expect(weakenedControls({ kind: 'retire_business_line', label: 'Mortgages', packages: 0, namedBy: [] })).toEqual([]);
    expect(weakenedControls({ kind: 'retire_business_line', label: 'Mortgages', packages: 3, namedBy: [] })[0]?.message).toMatch(/^3 packages are filed under "Mortgages"/);
    expect(weakenedControls({ kind: 'add_business_line' })).toEqual([]);
  });
});
