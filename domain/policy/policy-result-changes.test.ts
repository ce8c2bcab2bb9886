import { describe, expect, it } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import { consumerCreditPolicy } from '#demo/demo-policies.ts';
import { evaluateAgainstPolicy } from './evaluate-against-policy.ts';
import { policyResultChanges } from './policy-result-changes.ts';

describe('policyResultChanges', () => {
  const v1 = evaluateAgainstPolicy(retailCreditPdV1, consumerCreditPolicy);
  const v2 = evaluateAgainstPolicy(retailCreditPdV2, consumerCreditPolicy);

  it('shows the retail credit 62+ approval ratio going from fail to pass, and nothing else', () => {
    const result = policyResultChanges(v1, v2);
    expect(result.before).toEqual(result.after);
    expect(result.changes).toEqual([{ kind: 'subgroup_metric', subject: 'approval-ratio', subgroup: 'Age band: 62 and over', enforcement: 'blocking', before: 'fail', after: 'pass', beforeValue: 0.78 }]);
  });

  it('reads the other way from pass to fail', () => {
    expect(policyResultChanges(v2, v1).changes.map((c) => [c.subject, c.before, c.after])).toEqual([['approval-ratio', 'pass', 'fail']]);
  });

  it('names requirements checked on one side only, and the policy versions', () => {
    const stricter = { ...consumerCreditPolicy, version: 2, metrics: [...consumerCreditPolicy.metrics, { metric: 'auprc' as const, operator: '>=' as const, value: 0.3, enforcement: 'blocking' as const }] };
    const result = policyResultChanges(v2, evaluateAgainstPolicy(retailCreditPdV2, stricter));
    expect(result.after?.version).toBe(2);
    expect(result.changes).toEqual([{ kind: 'metric', subject: 'auprc', enforcement: 'blocking', before: 'not checked', after: 'missing' }]);
    expect(policyResultChanges(null, v2).changes.every((c) => c.before === 'not checked')).toBe(true);
    expect(policyResultChanges(v2, v2).changes).toEqual([]);
  });
});
