import { describe, expect, it } from 'vitest';
import type { Policy, PolicyScope } from '../contracts/policies.ts';
import type { ModelType } from '../contracts/sections.ts';
import { applicablePolicy, overlappingPolicies } from './applicable-policy.ts';

const policy = (key: string, version: number, riskTiers: number[], businessLines?: string[], modelTypes?: ModelType[]): Policy => ({
  key,
  version,
  name: key,
  scope: { riskTiers, ...(businessLines ? { businessLines } : {}), ...(modelTypes ? { modelTypes } : {}) },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [],
});

const at = (riskTier: number, businessLine: string, modelType?: ModelType) => ({ riskTier, businessLine, modelType });
const keysOf = (ties: ReturnType<typeof overlappingPolicies>) => ties.map((t) => t.policies.map((p) => p.key).join('+'));

const catalogue = [policy('general', 1, [1, 2]), policy('general', 2, [1, 2, 3]), policy('consumer-credit', 1, [1], ['Consumer lending'])];

describe('applicablePolicy', () => {
  it('prefers the policy naming the business line, then the newest general one', () => {
    expect(applicablePolicy(catalogue, at(1, 'Consumer lending'))).toMatchObject({ key: 'consumer-credit', version: 1 });
    expect(applicablePolicy(catalogue, at(1, 'Card payments'))).toMatchObject({ key: 'general', version: 2 });
    expect(applicablePolicy(catalogue, at(3, 'Card payments'))).toMatchObject({ key: 'general', version: 2 });
    expect(applicablePolicy(catalogue, at(4, 'Card payments'))).toBeUndefined();
  });

  const typed = [
    ...catalogue,
    policy('generative', 1, [2, 3], undefined, ['generative']),
    policy('credit-scorecards', 1, [1], ['Consumer lending'], ['binary_classification', 'ranking']),
  ];

  it('prefers a policy naming the line and the model type, then one naming either, then one naming neither', () => {
    expect(applicablePolicy(typed, at(1, 'Consumer lending', 'binary_classification'))?.key).toBe('credit-scorecards');
    expect(applicablePolicy(typed, at(1, 'Consumer lending', 'regression'))?.key).toBe('consumer-credit');
    expect(applicablePolicy(typed, at(2, 'Card payments', 'generative'))?.key).toBe('generative');
    expect(applicablePolicy(typed, at(2, 'Card payments', 'regression'))?.key).toBe('general');
  });

  it('gives a package stating no model type only policies naming none', () => {
    expect(applicablePolicy(typed, at(1, 'Consumer lending'))?.key).toBe('consumer-credit');
    expect(applicablePolicy(typed, at(2, 'Card payments'))?.key).toBe('general');
    expect(applicablePolicy([policy('generative', 1, [1], undefined, ['generative'])], at(1, 'Card payments'))).toBeUndefined();
  });

  it('finds the line policy whatever the spelling of the line (0164)', () => {
    for (const line of ['consumer lending', 'CONSUMER LENDING.', ' Consumer\u00a0 lending', 'Consumer\u200blending'.replace('\u200b', '\u200b ')]) {
      expect(applicablePolicy(catalogue, { riskTier: 1, businessLine: line, modelType: undefined }), line).toMatchObject({ key: 'consumer-credit' });
    }
  });
});

describe('overlappingPolicies', () => {
  it('refuses a second general policy sharing a tier, or a second line policy sharing tier and line', () => {
    expect(keysOf(overlappingPolicies(catalogue, 'other', { riskTiers: [3] }))).toEqual(['general']);
    expect(keysOf(overlappingPolicies(catalogue, 'other', { riskTiers: [1], businessLines: ['Consumer lending', 'Mortgages'] }))).toEqual(['consumer-credit']);
  });

  it('counts another spelling of a line as the same line', () => {
    expect(overlappingPolicies(catalogue, 'lower-case', { riskTiers: [1], businessLines: ['consumer lending'] }).flatMap((tie) => tie.policies.map((p) => p.key))).toContain('consumer-credit');
    expect(overlappingPolicies(catalogue, 'dotted', { riskTiers: [1], businessLines: ['Consumer Lending.'] }).flatMap((tie) => tie.policies.map((p) => p.key))).toContain('consumer-credit');
  });

  it('allows a new version of the same key, a line policy under a general one, and disjoint scopes', () => {
    expect(overlappingPolicies(catalogue, 'general', { riskTiers: [1, 2, 3, 4] })).toEqual([]);
    expect(overlappingPolicies(catalogue, 'mortgages', { riskTiers: [1], businessLines: ['Mortgages'] })).toEqual([]);
    expect(overlappingPolicies(catalogue, 'tier-four', { riskTiers: [4] })).toEqual([]);
  });

  it('refuses two policies naming a model type in common at the same tier, and allows disjoint types', () => {
    const withGenerative = [...catalogue, policy('generative', 1, [1, 2], undefined, ['generative', 'other'])];
    expect(keysOf(overlappingPolicies(withGenerative, 'llm', { riskTiers: [2], modelTypes: ['generative'] }))).toEqual(['generative']);
    expect(overlappingPolicies(withGenerative, 'regression', { riskTiers: [2, 3], modelTypes: ['regression'] })).toEqual([]);
    // A type policy sits above the general one, as a line policy does.
    expect(overlappingPolicies(catalogue, 'generative', { riskTiers: [2, 3], modelTypes: ['generative'] })).toEqual([]);
  });

  it('refuses a type policy against a line policy at the same tier, naming a package both would hold', () => {
    const [tie, ...more] = overlappingPolicies(catalogue, 'generative', { riskTiers: [1], modelTypes: ['generative'] });
    expect(more).toEqual([]);
    expect(tie?.policies.map((p) => p.key)).toEqual(['consumer-credit']);
    expect(tie?.example).toEqual({ riskTier: 1, businessLine: 'Consumer lending', modelType: 'generative' });
  });

  it('allows that pair once a policy naming both the line and the type separates them', () => {
    const separated = [...catalogue, policy('credit-generative', 1, [1], ['Consumer lending'], ['generative'])];
    expect(overlappingPolicies(separated, 'generative', { riskTiers: [1], modelTypes: ['generative'] })).toEqual([]);
  });

  it('refuses narrowing the policy that separates two others, naming those two', () => {
    const separated = [...catalogue, policy('credit-generative', 1, [1], ['Consumer lending'], ['generative']), policy('generative', 1, [1], undefined, ['generative'])];
    const narrowed: PolicyScope = { riskTiers: [1], businessLines: ['Consumer lending'], modelTypes: ['regression'] };
    expect(keysOf(overlappingPolicies(separated, 'credit-generative', narrowed))).toEqual(['consumer-credit+generative']);
  });
});
