import { describe, expect, it } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import type { Policy } from '../contracts/policies.ts';
import { evaluateAgainstPolicy, failedChecks } from './evaluate-against-policy.ts';

const consumerCredit: Policy = {
  key: 'consumer-credit',
  version: 1,
  name: 'Consumer credit models',
  scope: { riskTiers: [1], businessLines: ['Consumer lending'] },
  onBlockingFailure: 'refuse',
  metrics: [
    { metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' },
    { metric: 'ece', operator: '<=', value: 0.02, enforcement: 'advisory' },
  ],
  subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.8, enforcement: 'blocking' }],
  requiredSections: [{ section: 'human_oversight', enforcement: 'blocking' }],
};

describe('evaluateAgainstPolicy', () => {
  it('refuses the first retail credit submission for the 62+ approval ratio, naming the subgroup', () => {
    const result = evaluateAgainstPolicy(retailCreditPdV1, consumerCredit);
    expect(result.outcome).toBe('refused');
    expect(result.policy).toEqual({ key: 'consumer-credit', version: 1, name: 'Consumer credit models' });
    const failed = failedChecks(result);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ kind: 'subgroup_metric', subject: 'approval-ratio', actual: 0.78, status: 'fail', enforcement: 'blocking' });
    expect(failed[0]?.subgroup).toMatch(/62/);
  });

  it('admits the resubmission, every subgroup passing', () => {
    const result = evaluateAgainstPolicy(retailCreditPdV2, consumerCredit);
    expect(result.outcome).toBe('pass');
    expect(result.checks.find((c) => c.kind === 'subgroup_metric')).toMatchObject({ status: 'pass', subgroup: 'all' });
  });

  it('judges by the policy number, not the owner\'s: an owner bar of 0.5 does not pass an AUC of 0.6', () => {
    const lowered = structuredClone(retailCreditPdV2);
    const evaluation = lowered.sections.find((s) => s.key === 'evaluation');
    if (evaluation?.kind !== 'metric_table') throw new Error('fixture');
    evaluation.metrics = evaluation.metrics.map((m) => (m.key === 'auc' ? { ...m, value: 0.6, threshold: { operator: '>=', value: 0.5 } } : m));
    const result = evaluateAgainstPolicy(lowered, consumerCredit);
    expect(result.outcome).toBe('refused');
    expect(result.checks[0]).toMatchObject({ subject: 'auc', status: 'fail', actual: 0.6, weakerOwnerThreshold: { operator: '>=', value: 0.5 } });
  });

  it('names a missing required metric, and enters review flagged when the policy says so', () => {
    const policy: Policy = { ...consumerCredit, onBlockingFailure: 'enter_review_flagged', metrics: [{ metric: 'auprc', operator: '>=', value: 0.3, enforcement: 'blocking' }] };
    const result = evaluateAgainstPolicy(retailCreditPdV2, policy);
    expect(result.outcome).toBe('flagged');
    expect(failedChecks(result)).toEqual([{ kind: 'metric', subject: 'auprc', enforcement: 'blocking', status: 'missing', required: { operator: '>=', value: 0.3 } }]);
  });

  it('lets advisory failures through, still listed', () => {
    const policy: Policy = { ...consumerCredit, metrics: [{ metric: 'ece', operator: '<=', value: 0.001, enforcement: 'advisory' }] };
    const result = evaluateAgainstPolicy(retailCreditPdV2, policy);
    expect(result.outcome).toBe('pass');
    expect(failedChecks(result).map((c) => [c.subject, c.enforcement])).toEqual([['ece', 'advisory']]);
  });
});
