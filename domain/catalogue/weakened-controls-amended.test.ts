import { describe, expect, it } from 'vitest';
import { weakenedControls } from './weakened-controls.ts';
import type { MethodBody, PolicyBody, TemplateBody } from './catalogue-comparison.ts';
import type { Policy } from '../contracts/policies.ts';
import { defaultTemplates } from '../workflow/default-templates.ts';

// 0192's amendment (adversary M2, M3, L1, L2): what a new key takes over, and the weakenings
// the first comparison missed.

const messages = (list: { message: string }[]) => list.map((w) => w.message);

const consumerCredit: Policy = {
  key: 'consumer-credit',
  version: 1,
  name: 'Consumer credit',
  scope: { riskTiers: [1, 2], businessLines: ['Consumer lending'] },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }],
  requiredEvidence: [{ key: 'dpia', label: 'DPIA', framework: 'GDPR', needsLink: true, enforcement: 'blocking' }],
};
const { version: _v, ...creditBody } = consumerCredit;

describe('weakenedControls: a new policy key takes packages from the one that applies today (M2)', () => {
  it('names the packages it takes, the policy it displaces and what they lose; a stricter or unrelated new key weakens nothing', () => {
    const binary: PolicyBody = { ...creditBody, key: 'consumer-binary', name: 'Binary', scope: { riskTiers: [1], businessLines: ['consumer  LENDING'], modelTypes: ['binary_classification'] }, metrics: [{ metric: 'auc', operator: '>=', value: 0.6, enforcement: 'advisory' }], requiredSections: [] };
    const found = weakenedControls({ kind: 'publish_policy', current: null, proposed: binary, catalogue: [{ ...consumerCredit, version: 0 }, consumerCredit] });
    expect(found).toEqual([
      { field: '/scope', message: 'Takes tier-1 Consumer lending binary classification packages from consumer-credit v1: the auc threshold is advisory instead of blocking; auc must be >= 0.6 instead of >= 0.75; the section validation_findings is no longer required' },
    ]);
    const stricter: PolicyBody = { ...binary, metrics: [{ metric: 'auc', operator: '>=', value: 0.8, enforcement: 'blocking' }], requiredSections: creditBody.requiredSections };
    expect(weakenedControls({ kind: 'publish_policy', current: null, proposed: stricter, catalogue: [consumerCredit] })).toEqual([]);
    const elsewhere: PolicyBody = { ...binary, scope: { riskTiers: [3], businessLines: ['Consumer lending'] } };
    expect(weakenedControls({ kind: 'publish_policy', current: null, proposed: elsewhere, catalogue: [consumerCredit] })).toEqual([]);
  });

  it('says where packages fall when a version narrows its scope, "no policy" when none holds them', () => {
    const narrowed: PolicyBody = { ...creditBody, scope: { riskTiers: [1], businessLines: ['Consumer lending'] } };
    expect(messages(weakenedControls({ kind: 'publish_policy', current: creditBody, proposed: narrowed, catalogue: [consumerCredit] }))).toEqual([
      'Applies to fewer risk tiers: no longer 2',
      'Tier-2 Consumer lending packages fall to no policy',
    ]);
  });
});

const template = (key: string) => {
  const found = defaultTemplates.find((t) => t.key === key);
  if (!found) throw new Error(`no default template ${key}`);
  const { version: _version, ...body } = found;
  return body;
};

describe('weakenedControls: templates (M2, M3)', () => {
  it('a new key naming a line takes its packages from the template each tier follows today, and lists what each loses', () => {
    const modelRisk = { key: 'model_risk', name: 'Model risk management', role: 'model_risk' as const, approvalsRequired: 1, dueHours: 120, sections: ['design_methodology', 'evaluation', 'subgroup_fairness', 'limitations_risks', 'human_oversight', 'validation_findings', 'security_controls', 'intended_use'] };
    const lite: TemplateBody = { key: 'mortgage-lite', name: 'Mortgages', riskTiers: [1, 2], businessLines: ['Mortgages'], staleApprovals: 'responsible_sections', steps: [modelRisk] };
    const found = weakenedControls({ kind: 'publish_template', current: null, proposed: lite, catalogue: [...defaultTemplates] });
    expect(messages(found)).toEqual([
      'Takes tier-1 Mortgages packages from tier-1 v1: the step "Data governance" (data governance) is removed; the step "Privacy" (privacy) is removed; the step "AI governance committee" (committee) is removed',
      'Takes tier-2 Mortgages packages from tier-2-3 v1: the step "Data governance" (data governance) is removed; the step "Security" (security) is removed',
    ]);
    expect(found.every((w) => w.field === '/riskTiers')).toBe(true);
  });

  it('a narrowed scope says which packages fall to which template and what they lose there', () => {
    const credit = template('consumer-credit');
    const found = weakenedControls({ kind: 'publish_template', current: credit, proposed: { ...credit, riskTiers: [1] }, catalogue: [...defaultTemplates] });
    expect(messages(found)).toEqual([
      'Applies to fewer risk tiers: no longer 2',
      'Tier-2 Consumer lending packages fall to tier-2-3 v1: the step "Fair lending" (fair lending) is removed; the step "AI governance committee" (committee) is removed',
    ]);
    const tier4 = template('tier-4');
    expect(messages(weakenedControls({ kind: 'publish_template', current: tier4, proposed: { ...tier4, businessLines: ['Mortgages'] }, catalogue: [...defaultTemplates] }))).toEqual([
      'Applies to fewer business lines: only Mortgages',
      'Tier-4 Consumer lending and other-line packages fall to no template',
    ]);
  });

  it('a step decided by another role under the same key', () => {
    const tier1 = template('tier-1');
    const swapped = { ...tier1, steps: tier1.steps.map((s) => (s.key === 'privacy' ? { ...s, role: 'security' as const } : s)) };
    expect(weakenedControls({ kind: 'publish_template', current: tier1, proposed: swapped })).toEqual([{ field: '/steps/2/role', message: 'The step "Privacy" is decided by security instead of privacy' }]);
  });
});

describe('weakenedControls: tiering methods, evidence, retired lines (M3, L1, L2)', () => {
  const weighted: MethodBody = { name: 'Weighted', kind: 'weighted_scorecard', categories: ['fairness', 'data'], controlReduction: { partial: 0.25, effective: 0.5 }, weights: { fairness: 75, data: 25 }, thresholds: { '3': 4, '2': 8, '1': 12 } };

  it('a category weight lowered, and a method kind switched (which cannot be compared item by item)', () => {
    expect(weakenedControls({ kind: 'publish_tiering_method', current: weighted, proposed: { ...weighted, weights: { fairness: 40, data: 60 } } })).toEqual([{ field: '/weights/fairness', message: 'fairness weighs 40% instead of 75%' }]);
    const grid = Array.from({ length: 5 }, () => [1, 1, 2, 3, 4]);
    const matrix: MethodBody = { name: 'Matrix', kind: 'risk_matrix', categories: ['fairness', 'data'], controlReduction: { partial: 0.25, effective: 0.5 }, grid };
    const { weights: _w, ...scorecard } = { ...weighted, kind: 'scorecard' as const };
    expect(weakenedControls({ kind: 'publish_tiering_method', current: scorecard, proposed: matrix })).toEqual([{ field: '/kind', message: 'Method kind changes from scorecard to risk matrix: compare in full' }]);
  });

  it('evidence met by another framework or by key only; the same framework spelled otherwise is no change', () => {
    const evidence = (framework?: string): PolicyBody => ({ ...creditBody, requiredEvidence: [{ key: 'dpia', label: 'DPIA', ...(framework ? { framework } : {}), needsLink: true, enforcement: 'blocking' }] });
    expect(weakenedControls({ kind: 'publish_policy', current: evidence('GDPR'), proposed: evidence(' gdpr ') })).toEqual([]);
    expect(weakenedControls({ kind: 'publish_policy', current: evidence('GDPR'), proposed: evidence('Internal') })).toEqual([{ field: '/requiredEvidence/0/framework', message: 'The evidence "DPIA" is met by any Internal reference instead of any GDPR reference' }]);
    expect(messages(weakenedControls({ kind: 'publish_policy', current: evidence('GDPR'), proposed: evidence() }))).toEqual(['The evidence "DPIA" is met by a reference keyed dpia instead of any GDPR reference']);
  });

  it('a retired line names the policies and templates written for it', () => {
    expect(messages(weakenedControls({ kind: 'retire_business_line', label: 'Consumer lending', packages: 0, namedBy: ['policy consumer-credit v1', 'template consumer-credit v1'] }))).toEqual([
      'Policy consumer-credit v1 names this line; its packages would no longer reach it',
      'Template consumer-credit v1 names this line; its packages would no longer reach it',
    ]);
  });
});
