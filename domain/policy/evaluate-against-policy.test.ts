import { describe, expect, it } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import type { Policy } from '../contracts/policies.ts';
import { describeCheck } from './check-wording.ts';
import { evaluateAgainstPolicy, failedChecks, worstValue } from './evaluate-against-policy.ts';

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

/** A copy of the resubmission with its evaluation table and AUC row at hand, to add copies to. */
function aucFixture() {
  const twice = structuredClone(retailCreditPdV2);
  const evaluation = twice.sections.find((s) => s.key === 'evaluation');
  if (evaluation?.kind !== 'metric_table') throw new Error('fixture');
  const auc = evaluation.metrics.find((m) => m.key === 'auc');
  if (!auc) throw new Error('fixture');
  return { twice, evaluation, auc };
}

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
    expect(result.checks.find((c) => c.kind === 'subgroup_metric')).toMatchObject({ status: 'pass', subgroup: 'all', actual: 0.85, declared: { operator: '>=', value: 0.8 } });
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

  it('counts a required protected-class subgroup the package does not report as a missing metric, named by the subgroup', () => {
    const withoutOlder = structuredClone(retailCreditPdV2);
    const table = withoutOlder.sections.find((s) => s.kind === 'subgroup_table');
    if (table?.kind !== 'subgroup_table') throw new Error('fixture');
    table.rows = table.rows.filter((r) => r.key !== 'age-62-plus');
    const requirement = { metric: 'approval-ratio' as const, operator: '>=' as const, value: 0.8, subgroups: ['age-62-plus', 'race-black'] };
    const blocking = evaluateAgainstPolicy(withoutOlder, { ...consumerCredit, subgroupMetrics: [{ ...requirement, enforcement: 'blocking' }] });
    expect(blocking.outcome).toBe('refused');
    expect(failedChecks(blocking)).toEqual([
      { kind: 'subgroup_metric', subject: 'approval-ratio', enforcement: 'blocking', required: { operator: '>=', value: 0.8 }, subgroup: 'age-62-plus', subgroupKey: 'age-62-plus', status: 'missing' },
    ]);
    expect(failedChecks(blocking).map(describeCheck)[0]).toBe('Metric "approval-ratio" for age-62-plus is required (at least 0.8) and not reported');
    const advisory = evaluateAgainstPolicy(withoutOlder, { ...consumerCredit, subgroupMetrics: [{ ...requirement, enforcement: 'advisory' }] });
    expect(advisory.outcome).toBe('pass');
    expect(failedChecks(advisory).map((c) => [c.subgroup, c.status, c.enforcement])).toEqual([['age-62-plus', 'missing', 'advisory']]);
    // Reported: no missing check.
    expect(failedChecks(evaluateAgainstPolicy(retailCreditPdV2, { ...consumerCredit, subgroupMetrics: [{ ...requirement, enforcement: 'blocking' }] }))).toEqual([]);
  });

  it('names each required subgroup when no table reports the metric at all', () => {
    const policy: Policy = { ...consumerCredit, subgroupMetrics: [{ metric: 'equal-opportunity-gap', operator: '>=', value: 0.8, enforcement: 'blocking', subgroups: ['sex-female', 'race-black'] }] };
    expect(failedChecks(evaluateAgainstPolicy(retailCreditPdV2, policy)).map((c) => [c.subject, c.subgroup, c.status])).toEqual([
      ['equal-opportunity-gap', 'sex-female', 'missing'],
      ['equal-opportunity-gap', 'race-black', 'missing'],
    ]);
  });

  it('checks every copy of a metric: a second, worse copy fails it, listed as a conflict', () => {
    const { twice, evaluation, auc } = aucFixture();
    evaluation.metrics.push({ ...auc, value: 0.7 });
    const result = evaluateAgainstPolicy(twice, consumerCredit);
    expect(result.outcome).toBe('refused');
    expect(result.checks[0]).toMatchObject({
      subject: 'auc',
      status: 'fail',
      actual: 0.7,
      conflictingCopies: [
        { section: 'evaluation', value: auc.value },
        { section: 'evaluation', value: 0.7 },
      ],
    });
    expect(result.checks.map(describeCheck)[0]).toMatch(/reported 2 times with different values .*the worst decides/);
  });

  it('flags a conflict that still passes, and not equal copies', () => {
    const { twice, evaluation, auc } = aucFixture();
    twice.sections.push({ ...evaluation, key: 'evaluation_copy', metrics: [{ ...auc, value: 0.99 }] });
    const check = evaluateAgainstPolicy(twice, consumerCredit).checks[0];
    expect(check).toMatchObject({ status: 'pass', actual: auc.value, conflictingCopies: [{ section: 'evaluation', value: auc.value }, { section: 'evaluation_copy', value: 0.99 }] });
    twice.sections[twice.sections.length - 1] = { ...evaluation, key: 'evaluation_copy', metrics: [{ ...auc }] };
    expect(evaluateAgainstPolicy(twice, consumerCredit).checks[0]?.conflictingCopies).toBeUndefined();
  });

  it('judges a subgroup reported in two tables by its worst copy, a lax bar on either copy shown as weaker', () => {
    const twice = structuredClone(retailCreditPdV2);
    const table = twice.sections.find((s) => s.kind === 'subgroup_table');
    if (table?.kind !== 'subgroup_table') throw new Error('fixture');
    const older = table.rows.find((r) => r.key === 'age-62-plus');
    if (!older) throw new Error('fixture');
    twice.sections.push({
      ...table,
      key: 'age_fairness',
      metrics: table.metrics.map((m) => (m.key === 'approval-ratio' ? { ...m, threshold: { operator: '>=', value: 0.7 } } : m)),
      rows: [{ ...older, values: { ...older.values, 'approval-ratio': 0.76 } }],
    });
    const result = evaluateAgainstPolicy(twice, consumerCredit);
    expect(result.outcome).toBe('refused');
    const failed = failedChecks(result);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      subgroupKey: 'age-62-plus',
      actual: 0.76,
      weakerOwnerThreshold: { operator: '>=', value: 0.7 },
      conflictingCopies: [
        { section: 'subgroup_fairness', value: older.values['approval-ratio'] },
        { section: 'age_fairness', value: 0.76 },
      ],
    });
  });

  it('takes the worst value by the direction of the bar', () => {
    expect(worstValue([0.8, 0.7, 0.9], { operator: '>=', value: 0.75 })).toBe(0.7);
    expect(worstValue([0.01, 0.03, 0.02], { operator: '<', value: 0.02 })).toBe(0.03);
  });
});
