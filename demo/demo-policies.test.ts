import { describe, expect, it } from 'vitest';
import { policySchema } from '#domain/contracts/policies.ts';
import { applicablePolicy, overlappingPolicies } from '#domain/policy/applicable-policy.ts';
import { evaluateAgainstPolicy, failedChecks } from '#domain/policy/evaluate-against-policy.ts';
import { cardFraudV1, clinicalRiskV1, retailCreditPdV1, retailCreditPdV2, supportAssistantV1 } from './index.ts';
import { consumerCreditPolicy, customerGenAiPolicy, demoPolicies, fraudPaymentsPolicy } from './demo-policies.ts';

describe('demo policies', () => {
  it('are valid policies', () => {
    for (const policy of demoPolicies) expect(policySchema.safeParse(policy).success).toBe(true);
  });

  it('are a catalogue: one policy per business line, no two of them at the same level for a tier and a line (publication would refuse it)', () => {
    expect(demoPolicies.map((p) => p.key)).toEqual(['consumer-credit', 'fraud-payments', 'customer-genai']);
    for (const policy of demoPolicies) expect(overlappingPolicies(demoPolicies, policy.key, policy.scope)).toEqual([]);
  });

  it('cover the credit, card fraud and support assistant packages; the clinical package is under none', () => {
    const covered = [retailCreditPdV1, clinicalRiskV1, cardFraudV1, supportAssistantV1].map((content) => {
      const [id] = content.sections;
      if (id?.kind !== 'identification') throw new Error('identification first');
      return applicablePolicy(demoPolicies, { riskTier: id.riskTier, businessLine: id.businessLine, modelType: id.modelType })?.key ?? null;
    });
    expect(covered).toEqual(['consumer-credit', null, 'fraud-payments', 'customer-genai']);
  });

  it('pass the approved card fraud package and the assistant in review, every requirement reported', () => {
    for (const [content, policy] of [[cardFraudV1, fraudPaymentsPolicy], [supportAssistantV1, customerGenAiPolicy]] as const) {
      const evaluation = evaluateAgainstPolicy(content, policy);
      expect(evaluation.outcome, policy.key).toBe('pass');
      expect(evaluation.checks.filter((c) => c.status !== 'pass').map((c) => [c.subject, c.subgroup, c.status]), policy.key).toEqual([]);
    }
  });

  it('refuse a card fraud version declining 18 to 24 year olds 1.6 times as often as the portfolio, naming the group', () => {
    const worse = {
      ...cardFraudV1,
      sections: cardFraudV1.sections.map((s) => (s.kind === 'subgroup_table' ? { ...s, rows: s.rows.map((r) => (r.key === 'age-18-24' ? { ...r, values: { ...r.values, 'false-decline-ratio': 1.6 } } : r)) } : s)),
    };
    const evaluation = evaluateAgainstPolicy(worse, fraudPaymentsPolicy);
    expect(evaluation.outcome).toBe('refused');
    expect(failedChecks(evaluation).map((c) => [c.subject, c.subgroupKey, c.enforcement])).toEqual([['false-decline-ratio', 'age-18-24', 'blocking']]);
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
