import { describe, expect, it } from 'vitest';
import { policySchema } from '#domain/contracts/policies.ts';
import { applicablePolicy } from '#domain/policy/applicable-policy.ts';
import { evaluateAgainstPolicy, failedChecks } from '#domain/policy/evaluate-against-policy.ts';
import { cardFraudV1, clinicalRiskV1, retailCreditPdV1, retailCreditPdV2, supportAssistantV1 } from './index.ts';
import { consumerCreditPolicy, demoPolicies } from './demo-policies.ts';

describe('demo policies', () => {
  it('are valid policies', () => {
    for (const policy of demoPolicies) expect(policySchema.safeParse(policy).success).toBe(true);
  });

  it('cover the retail credit package only', () => {
    const covered = [retailCreditPdV1, clinicalRiskV1, cardFraudV1, supportAssistantV1].map((content) => {
      const [id] = content.sections;
      if (id?.kind !== 'identification') throw new Error('identification first');
      return applicablePolicy(demoPolicies, { riskTier: id.riskTier, businessLine: id.businessLine, modelType: id.modelType })?.key ?? null;
    });
    expect(covered).toEqual(['consumer-credit', null, null, null]);
  });

  it('flag the retail credit first version on the blocking fairness bar alone, and pass the resubmission', () => {
    const first = evaluateAgainstPolicy(retailCreditPdV1, consumerCreditPolicy);
    expect(first.outcome).toBe('flagged');
    expect(failedChecks(first).filter((c) => c.enforcement === 'blocking').map((c) => [c.subject, c.actual])).toEqual([['approval-ratio', 0.78]]);
    expect(evaluateAgainstPolicy(retailCreditPdV2, consumerCreditPolicy).outcome).toBe('pass');
  });

  it('find the evidence the consumer credit policy requires cited, with its links, in both retail credit versions', () => {
    for (const content of [retailCreditPdV1, retailCreditPdV2]) {
      const evidence = evaluateAgainstPolicy(content, consumerCreditPolicy).checks.filter((c) => c.kind === 'evidence');
      expect(evidence.map((c) => [c.subject, c.status, c.evidence?.reference?.key])).toEqual([
        ['fair-lending-citation', 'pass', 'reg-b-1002-4'],
        ['sr-11-7', 'pass', 'sr-11-7'],
      ]);
    }
  });
});
