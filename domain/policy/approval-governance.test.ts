import { describe, expect, it } from 'vitest';
import type { Policy, PolicyEvaluation } from '../contracts/policies.ts';
import { describeGovernanceRefusal, governanceBlockers, isApprovingDecision, policyToReresolve, reevaluateInReview } from './approval-governance.ts';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';

const policy = (key: string, riskTiers: number[], onBlockingFailure: Policy['onBlockingFailure'] = 'refuse'): Policy => ({
  key,
  version: 1,
  name: key,
  scope: { riskTiers, businessLines: ['Consumer lending'] },
  onBlockingFailure,
  metrics: [],
  subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.8, enforcement: 'blocking' }],
  requiredSections: [],
});

const method = { key: 'standard', version: 1 };
const assessment = { number: 1, method, tier: 1 };
const flagged: PolicyEvaluation = {
  policy: { key: 'strict', version: 3, name: 'Strict' },
  outcome: 'flagged',
  checks: [
    { kind: 'metric', subject: 'auc', enforcement: 'blocking', status: 'missing', required: { operator: '>=', value: 0.75 } },
    { kind: 'metric', subject: 'ece', enforcement: 'advisory', status: 'fail', required: { operator: '<=', value: 0.02 }, actual: 0.05 },
  ],
};

describe('governanceBlockers', () => {
  it('names a missing assessment, and each blocking requirement not met with its policy version; advisory failures do not block', () => {
    const blockers = governanceBlockers({ evaluation: flagged, assessment: null, currentMethod: method });
    expect(blockers.map((b) => b.kind)).toEqual(['risk_assessment_missing', 'policy_requirement']);
    expect(blockers[1]).toMatchObject({ policy: { key: 'strict', version: 3 }, check: { subject: 'auc' } });
    expect(blockers[1]?.description).toMatch(/auc.*policy strict version 3/);
    expect(describeGovernanceRefusal(blockers)).toMatch(/^This package cannot be approved: Risk assessment missing.*strict version 3.*Rejecting or requesting changes remains possible\.$/);
  });

  it('says whether an unlisted line is missing from the list or was listed only after the package was filed (0182)', () => {
    const [missing] = governanceBlockers({ evaluation: null, assessment, currentMethod: method, unlistedLine: 'Consumer credit' });
    const [later] = governanceBlockers({ evaluation: null, assessment, currentMethod: method, unlistedLine: 'Consumer credit', lineListedAfterFiling: true });
    expect(missing).toMatchObject({ kind: 'unlisted_business_line', businessLine: 'Consumer credit', description: expect.stringMatching(/^Business line not on the list/) as unknown });
    expect(missing).not.toHaveProperty('listedAfterFiling');
    expect(later).toMatchObject({ kind: 'unlisted_business_line', businessLine: 'Consumer credit', listedAfterFiling: true, description: expect.stringMatching(/^Business line listed after filing.*re-files it$/) as unknown });
  });

  it('refuses an assessment by an earlier method version, and lets a passing, assessed version through', () => {
    expect(governanceBlockers({ evaluation: null, assessment, currentMethod: { key: 'standard', version: 2 } }).map((b) => b.kind)).toEqual(['risk_assessment_outdated']);
    expect(governanceBlockers({ evaluation: { ...flagged, outcome: 'pass', checks: [] }, assessment, currentMethod: method })).toEqual([]);
  });

  it('stands before every approving decision, the emergency one too, and no other', () => {
    expect((['approve', 'approve_with_conditions', 'emergency_approve', 'reject', 'request_clarification'] as const).filter(isApprovingDecision)).toEqual(['approve', 'approve_with_conditions', 'emergency_approve']);
  });
});

describe('policyToReresolve', () => {
  const catalogue = [policy('lenient', [3]), policy('strict', [1, 2], 'refuse')];
  it('resolves the policy of the assessed tier when it is another key than the declared one gave', () => {
    expect(policyToReresolve(catalogue, { key: 'lenient', version: 1, name: 'lenient' }, { riskTier: 1, businessLine: 'Consumer lending', modelType: undefined })?.key).toBe('strict');
    expect(policyToReresolve(catalogue, null, { riskTier: 2, businessLine: 'Consumer lending', modelType: undefined })?.key).toBe('strict');
  });
  it('resolves by the model type too: the policy naming the package\'s type, not the line policy, where one exists', () => {
    const typed = [...catalogue, { ...policy('credit-scorecards', [1]), scope: { riskTiers: [1], businessLines: ['Consumer lending'], modelTypes: ['binary_classification' as const] } }];
    expect(policyToReresolve(typed, { key: 'lenient', version: 1, name: 'lenient' }, { riskTier: 1, businessLine: 'Consumer lending', modelType: 'binary_classification' })?.key).toBe('credit-scorecards');
    expect(policyToReresolve(typed, { key: 'lenient', version: 1, name: 'lenient' }, { riskTier: 1, businessLine: 'Consumer lending', modelType: undefined })?.key).toBe('strict');
  });
  it('keeps the check made when the key is the same or the assessed tier has no policy', () => {
    expect(policyToReresolve(catalogue, { key: 'strict', version: 1, name: 'strict' }, { riskTier: 2, businessLine: 'Consumer lending', modelType: undefined })).toBeNull();
    expect(policyToReresolve(catalogue, { key: 'strict', version: 1, name: 'strict' }, { riskTier: 4, businessLine: 'Consumer lending', modelType: undefined })).toBeNull();
  });
  it('flags a version in review that the new policy would refuse at submission, and says why it was checked again', () => {
    const evaluation = reevaluateInReview(retailCreditPdV1, policy('strict', [1]), { tier: 1, assessment: 2, from: null });
    expect(evaluation).toMatchObject({ policy: { key: 'strict' }, outcome: 'flagged', reresolved: { tier: 1, assessment: 2, from: null } });
  });
});

describe('the approvable demo credit content', () => {
  it('passes the consumer-credit policy; version 1 does not', async () => {
    const { approvableCreditContent } = await import('#demo/fresh-packages.ts');
    const { consumerCreditPolicy } = await import('#demo/demo-policies.ts');
    const { evaluateAgainstPolicy } = await import('./evaluate-against-policy.ts');
    expect(evaluateAgainstPolicy(approvableCreditContent('9.9.9'), consumerCreditPolicy).outcome).toBe('pass');
    expect(evaluateAgainstPolicy(retailCreditPdV1, consumerCreditPolicy).outcome).toBe('flagged');
  });
});
