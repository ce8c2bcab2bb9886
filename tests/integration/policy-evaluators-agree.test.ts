import { describe, expect, it } from 'vitest';
import { cardFraudV1 } from '#demo/card-fraud.ts';
import { clinicalRiskV1 } from '#demo/clinical-risk.ts';
import { consumerCreditPolicy } from '#demo/demo-policies.ts';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Policy } from '#domain/contracts/policies.ts';
import { evaluateAgainstPolicy } from '#domain/policy/evaluate-against-policy.ts';
import { evaluate } from '../independent/policy-evaluator.ts';

// The independent verifier's evaluator (tests/independent/policy-evaluator.ts) is written from
// docs/verification.md, the app's (domain/policy) from the product rules: on the same content
// and policy they must give the same results in the same order, or one of the two (or the
// specification) is wrong. The cases reach every branch the specification describes: copies
// with different values, a weaker owner bar, required subgroups absent, no subgroup table,
// upper bounds, sections present and absent, and both outcomes of a blocking failure.

function variant(source: PackageContent, change: (content: PackageContent) => void): PackageContent {
  const content = structuredClone(source);
  change(content);
  return content;
}

const metricCopy = variant(retailCreditPdV2, (content) => {
  const table = content.sections.find((s) => s.kind === 'metric_table');
  if (table?.kind !== 'metric_table') throw new Error('metric table');
  const auc = table.metrics.find((m) => m.key === 'auc');
  if (!auc) throw new Error('auc');
  table.metrics.push({ ...auc, value: 0.7, threshold: { operator: '>', value: 0.6 } });
});
const subgroupCopy = variant(retailCreditPdV2, (content) => {
  const table = content.sections.find((s) => s.kind === 'subgroup_table');
  if (table?.kind !== 'subgroup_table') throw new Error('subgroup table');
  content.sections.push({ ...structuredClone(table), key: 'subgroup_fairness_2024q4', rows: table.rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v + 0.01])) })) });
});
const withoutOlder = variant(retailCreditPdV1, (content) => {
  const table = content.sections.find((s) => s.kind === 'subgroup_table');
  if (table?.kind !== 'subgroup_table') throw new Error('subgroup table');
  table.rows = table.rows.filter((r) => r.key !== 'age-62-plus');
});
const noSubgroups = variant(retailCreditPdV2, (content) => {
  content.sections = content.sections.filter((s) => s.kind !== 'subgroup_table');
});

const policies: Policy[] = [
  consumerCreditPolicy,
  { ...consumerCreditPolicy, key: 'refusing', onBlockingFailure: 'refuse', requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }, { section: 'model_card_appendix', enforcement: 'advisory' }] },
  { ...consumerCreditPolicy, key: 'upper', metrics: [{ metric: 'ece', operator: '<', value: 0.05, enforcement: 'blocking' }, { metric: 'brier', operator: '<=', value: 0.2, enforcement: 'advisory' }], subgroupMetrics: [{ metric: 'approval-ratio', operator: '>', value: 0.8, enforcement: 'advisory' }] },
  { ...consumerCreditPolicy, key: 'lenient', subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.5, enforcement: 'blocking', subgroups: ['age-62-plus', 'veterans'] }] },
];
const contents: [string, PackageContent][] = [
  ['retail v1', retailCreditPdV1],
  ['retail v2', retailCreditPdV2],
  ['card fraud', cardFraudV1],
  ['clinical', clinicalRiskV1],
  ['auc twice', metricCopy],
  ['subgroups twice', subgroupCopy],
  ['62+ left out', withoutOlder],
  ['no subgroup table', noSubgroups],
];

/** JSON as written to the record: members set to undefined are not there. */
const asWritten = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the independent evaluator agrees with the app on every branch of the specification', () => {
  for (const policy of policies) {
    for (const [name, content] of contents) {
      it(`${policy.key} on ${name}`, () => {
        const app = evaluateAgainstPolicy(content, policy);
        for (const recheck of [false, true]) {
          const independent = evaluate(policy, content.sections, recheck);
          expect(asWritten(independent.results)).toEqual(asWritten(app.checks));
          const expected = recheck && app.outcome === 'refused' ? 'flagged' : app.outcome;
          expect(independent.outcome).toBe(expected);
        }
      });
    }
  }

  it('the cases reach conflicts, weaker owner bars, missing subgroups and refusals', () => {
    const all = policies.flatMap((policy) => contents.map(([, content]) => evaluateAgainstPolicy(content, policy)));
    const checks = all.flatMap((e) => e.checks);
    expect(checks.some((c) => c.conflictingCopies && c.kind === 'metric')).toBe(true);
    expect(checks.some((c) => c.conflictingCopies && c.kind === 'subgroup_metric')).toBe(true);
    expect(checks.some((c) => c.weakerOwnerThreshold)).toBe(true);
    expect(checks.some((c) => c.subgroup === 'all')).toBe(true);
    expect(checks.some((c) => c.kind === 'subgroup_metric' && c.status === 'missing' && c.subgroupKey)).toBe(true);
    expect(checks.some((c) => c.kind === 'subgroup_metric' && c.status === 'missing' && !c.subgroup)).toBe(true);
    expect(checks.some((c) => c.kind === 'section' && c.status === 'missing')).toBe(true);
    expect(all.map((e) => e.outcome)).toEqual(expect.arrayContaining(['pass', 'flagged', 'refused']));
  });
});
