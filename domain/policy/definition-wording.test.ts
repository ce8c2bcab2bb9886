import { describe, expect, it } from 'vitest';
import { consumerCreditPolicy } from '#demo/demo-policies.ts';
import { describePolicyTerms } from './definition-wording.ts';

describe('describePolicyTerms', () => {
  it('names the scope, the action on a blocking failure and the required subgroups', () => {
    expect(describePolicyTerms(consumerCreditPolicy)).toBe(
      'Applies to risk tiers 1, 2 in Consumer lending; a blocking failure enters review flagged; approval-ratio required for subgroups age-18-24, age-62-plus, race-black, race-hispanic, race-asian-pi, race-other, sex-female.',
    );
  });

  it('says every business line when none is named, a refusal, and lists required sections with their enforcement', () => {
    const terms = describePolicyTerms({ scope: { riskTiers: [1] }, onBlockingFailure: 'refuse', subgroupMetrics: [], requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }, { section: 'model_card', enforcement: 'advisory' }] });
    expect(terms).toBe('Applies to risk tier 1 in every business line; a blocking failure refuses the submission; required sections validation_findings (blocking), model_card (advisory).');
  });

  it('names the model types a policy is scoped to (0157)', () => {
    const terms = describePolicyTerms({ scope: { riskTiers: [2], modelTypes: ['binary_classification', 'regression'] }, onBlockingFailure: 'enter_review_flagged', subgroupMetrics: [], requiredSections: [] });
    expect(terms).toBe('Applies to risk tier 2 in every business line for binary classification, regression models; a blocking failure enters review flagged.');
  });
});
