import { describe, expect, it } from 'vitest';
import type { Policy } from '../contracts/policies.ts';
import { applicablePolicy, overlappingPolicies } from './applicable-policy.ts';

const policy = (key: string, version: number, riskTiers: number[], businessLines?: string[]): Policy => ({
  key,
  version,
  name: key,
  scope: { riskTiers, ...(businessLines ? { businessLines } : {}) },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [],
});

const catalogue = [policy('general', 1, [1, 2]), policy('general', 2, [1, 2, 3]), policy('consumer-credit', 1, [1], ['Consumer lending'])];

describe('applicablePolicy', () => {
  it('prefers the policy naming the business line, then the newest general one', () => {
    expect(applicablePolicy(catalogue, 1, 'Consumer lending')).toMatchObject({ key: 'consumer-credit', version: 1 });
    expect(applicablePolicy(catalogue, 1, 'Card payments')).toMatchObject({ key: 'general', version: 2 });
    expect(applicablePolicy(catalogue, 3, 'Card payments')).toMatchObject({ key: 'general', version: 2 });
    expect(applicablePolicy(catalogue, 4, 'Card payments')).toBeUndefined();
  });

  it('finds the line policy whatever the spelling of the line (0164)', () => {
    for (const line of ['consumer lending', 'CONSUMER LENDING.', ' Consumer\u00a0 lending', 'Consumer\u200blending'.replace('\u200b', '\u200b ')]) {
      expect(applicablePolicy(catalogue, 1, line), line).toMatchObject({ key: 'consumer-credit' });
    }
  });
});

describe('overlappingPolicies', () => {
  it('refuses a second general policy sharing a tier, or a second line policy sharing tier and line', () => {
    expect(overlappingPolicies(catalogue, 'other', { riskTiers: [3] }).map((p) => p.key)).toEqual(['general']);
    expect(overlappingPolicies(catalogue, 'other', { riskTiers: [1], businessLines: ['Consumer lending', 'Mortgages'] }).map((p) => p.key)).toEqual(['consumer-credit']);
  });

  it('counts another spelling of a line as the same line', () => {
    expect(overlappingPolicies(catalogue, 'lower-case', { riskTiers: [1], businessLines: ['consumer lending'] }).map((p) => p.key)).toEqual(['consumer-credit']);
    expect(overlappingPolicies(catalogue, 'dotted', { riskTiers: [1], businessLines: ['Consumer Lending.'] }).map((p) => p.key)).toEqual(['consumer-credit']);
  });

  it('allows a new version of the same key, a line policy under a general one, and disjoint scopes', () => {
    expect(overlappingPolicies(catalogue, 'general', { riskTiers: [1, 2, 3, 4] })).toEqual([]);
    expect(overlappingPolicies(catalogue, 'mortgages', { riskTiers: [1], businessLines: ['Mortgages'] })).toEqual([]);
    expect(overlappingPolicies(catalogue, 'tier-four', { riskTiers: [4] })).toEqual([]);
  });
});
