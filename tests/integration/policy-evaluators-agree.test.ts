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
// upper bounds, sections present and absent, evidence cited by key or by framework (spelt
// differently), with and without the link asked for, or not at all, and both outcomes of a
// blocking failure.

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

/** References of a section, changed: the evidence requirements are met by them. */
function withReferences(change: (refs: { url?: string | undefined; key: string; framework: string }[]) => void): PackageContent {
  return variant(retailCreditPdV2, (content) => {
    for (const section of content.sections) if (section.kind === 'references') change(section.references);
  });
}
const unlink = (ref: { url?: string | undefined }) => {
  delete ref.url;
};
// The first Regulation B reference has no link: a requirement needing one rests on the next.
const firstRegBUnlinked = withReferences((refs) => {
  const first = refs.find((r) => r.framework === 'Regulation B');
  if (first) unlink(first);
  const ecoa = refs.find((r) => r.key === 'ecoa');
  if (ecoa) unlink(ecoa);
});
const noLinks = withReferences((refs) => refs.forEach(unlink));
const noReferences = variant(retailCreditPdV2, (content) => {
  content.sections = content.sections.filter((s) => s.kind !== 'references');
});
const referencesTwice = variant(retailCreditPdV2, (content) => {
  const section = content.sections.find((s) => s.kind === 'references');
  if (section?.kind !== 'references') throw new Error('references');
  content.sections.unshift({ ...structuredClone(section), key: 'more_references', references: section.references.slice(1).map((r) => ({ ...r, key: `${r.key}-copy`, url: undefined })) });
});

const policies: Policy[] = [
  consumerCreditPolicy,
  { ...consumerCreditPolicy, key: 'refusing', onBlockingFailure: 'refuse', requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }, { section: 'model_card_appendix', enforcement: 'advisory' }] },
  { ...consumerCreditPolicy, key: 'upper', metrics: [{ metric: 'ece', operator: '<', value: 0.05, enforcement: 'blocking' }, { metric: 'brier', operator: '<=', value: 0.2, enforcement: 'advisory' }], subgroupMetrics: [{ metric: 'approval-ratio', operator: '>', value: 0.8, enforcement: 'advisory' }] },
  { ...consumerCreditPolicy, key: 'lenient', subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.5, enforcement: 'blocking', subgroups: ['age-62-plus', 'veterans'] }] },
  {
    ...consumerCreditPolicy,
    key: 'evidence',
    onBlockingFailure: 'refuse',
    requiredEvidence: [
      { key: 'ecoa', label: 'ECOA, cited by key', needsLink: false, enforcement: 'advisory' },
      { key: 'reg-b', label: 'Regulation B, linked', framework: '  regulation   B ', needsLink: true, enforcement: 'blocking' },
      { key: 'gdpr', label: 'GDPR', framework: 'GDPR', needsLink: false, enforcement: 'advisory' },
      { key: 'reg-b-1002-4', label: 'Framework only, though a reference has this key', framework: 'equal credit opportunity act', needsLink: true, enforcement: 'advisory' },
    ],
  },
  // Keyed as a reference of another framework (ECOA): a requirement naming SR 11-7 is not met by it (0169).
  { ...consumerCreditPolicy, key: 'framework-named', requiredEvidence: [{ key: 'ecoa', label: 'SR 11-7 guidance', framework: 'SR 11-7', needsLink: false, enforcement: 'blocking' }] },
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
  ['first Regulation B reference unlinked', firstRegBUnlinked],
  ['no links', noLinks],
  ['no references', noReferences],
  ['references twice', referencesTwice],
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
    const evidence = checks.filter((c) => c.kind === 'evidence');
    expect(new Set(evidence.map((c) => c.status))).toEqual(new Set(['pass', 'fail', 'missing']));
    // A pass needing a link that rests on a later citing reference than the first one.
    expect(evidence.some((c) => c.subject === 'reg-b' && c.status === 'pass' && c.evidence?.reference?.key === 'reg-b-1002-2p')).toBe(true);
    // A framework spelt differently still matches; the reference keyed as the requirement, of another framework, does not cite it.
    expect(evidence.some((c) => c.subject === 'reg-b-1002-4' && c.evidence?.reference?.key === 'ecoa')).toBe(true);
    expect(evidence.some((c) => c.subject === 'reg-b-1002-4' && c.evidence?.reference?.key === 'reg-b-1002-4')).toBe(false);
    // A requirement naming a framework no reference is of is missing, though a reference carries its key (0169).
    const named = policies.find((p) => p.key === 'framework-named');
    if (!named) throw new Error('the framework-named policy');
    expect(evaluateAgainstPolicy(retailCreditPdV2, named).checks.find((c) => c.kind === 'evidence')).toMatchObject({ subject: 'ecoa', status: 'missing' });
    expect(evaluate(named, retailCreditPdV2.sections, false).results.find((r) => r.kind === 'evidence')).toMatchObject({ subject: 'ecoa', status: 'missing' });
    expect(all.map((e) => e.outcome)).toEqual(expect.arrayContaining(['pass', 'flagged', 'refused']));
  });
});
