import { describe, expect, it } from 'vitest';
import { retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import type { PackageContent } from '../contracts/package-content.ts';
import { policySchema, publishPolicyRequestSchema, type EvidenceRequirement, type Policy } from '../contracts/policies.ts';
import { checkProblems, describeCheck } from './check-wording.ts';
import { evaluateAgainstPolicy, failedChecks } from './evaluate-against-policy.ts';

const regB: EvidenceRequirement = { key: 'fair-lending', label: 'ECOA / Regulation B fair-lending citation', framework: 'regulation  B', needsLink: false, enforcement: 'blocking' };
const validation: EvidenceRequirement = { key: 'independent-validation-report', label: 'Independent validation report', needsLink: true, enforcement: 'blocking' };

function only<T>(list: readonly T[]): T {
  const [first, ...rest] = list;
  if (first === undefined || rest.length > 0) throw new Error(`expected one, got ${list.length}`);
  return first;
}

const withEvidence = (requiredEvidence: EvidenceRequirement[], onBlockingFailure: Policy['onBlockingFailure'] = 'refuse'): Policy =>
  policySchema.parse({ key: 'evidence', version: 1, name: 'Evidence', scope: { riskTiers: [1] }, onBlockingFailure, metrics: [], subgroupMetrics: [], requiredSections: [], requiredEvidence });

/** The resubmission with a validation report reference added, with or without its link. */
function withReport(url: string | undefined): PackageContent {
  const content = structuredClone(retailCreditPdV2);
  const references = content.sections.find((s) => s.kind === 'references');
  if (references?.kind !== 'references') throw new Error('fixture');
  references.references.push({ key: 'independent-validation-report', framework: 'Internal', citation: 'MRM validation report VR-2024-031', ...(url ? { url } : {}), relevance: 'Independent validation.' });
  return content;
}

describe('evidence requirements', () => {
  it('pass on a reference of the named framework, whatever its case and spacing, naming the reference', () => {
    const [check] = evaluateAgainstPolicy(retailCreditPdV2, withEvidence([regB])).checks;
    expect(check).toMatchObject({ kind: 'evidence', subject: 'fair-lending', status: 'pass', evidence: { label: regB.label, framework: 'regulation  B', needsLink: false, reference: { section: 'regulatory_references' } } });
  });

  it('are missing when nothing cites them, refusing under a blocking requirement and naming the requirement', () => {
    const evaluation = evaluateAgainstPolicy(retailCreditPdV2, withEvidence([validation]));
    expect(evaluation.outcome).toBe('refused');
    const check = only(failedChecks(evaluation));
    expect(check).toMatchObject({ kind: 'evidence', subject: 'independent-validation-report', status: 'missing', enforcement: 'blocking' });
    expect(check.evidence?.reference).toBeUndefined();
    expect(describeCheck(check)).toBe('Evidence "Independent validation report" is required and not cited: cite a reference keyed "independent-validation-report", with a link');
    const problem = only(checkProblems([check], evaluation.policy, retailCreditPdV2, '/content'));
    expect(problem.code).toBe('policy_missing');
    expect(problem.pointer).toMatch(/^\/content\/sections\/\d+\/references$/);
  });

  it('flag, not refuse, when the policy says so, and let advisory ones through', () => {
    expect(evaluateAgainstPolicy(retailCreditPdV2, withEvidence([validation], 'enter_review_flagged')).outcome).toBe('flagged');
    expect(evaluateAgainstPolicy(retailCreditPdV2, withEvidence([{ ...validation, enforcement: 'advisory' }])).outcome).toBe('pass');
  });

  it('fail when the citing reference has no link the policy asks for, pointing at its url', () => {
    const content = withReport(undefined);
    const evaluation = evaluateAgainstPolicy(content, withEvidence([validation]));
    const check = only(evaluation.checks);
    expect(check).toMatchObject({ status: 'fail', evidence: { reference: { key: 'independent-validation-report' } } });
    expect(checkProblems([check], evaluation.policy, content, '/content')[0]?.pointer).toMatch(/\/references\/\d+\/url$/);
    expect(evaluateAgainstPolicy(content, withEvidence([{ ...validation, needsLink: false }])).outcome).toBe('pass');
  });

  it('naming a framework, are not met by a reference of another framework keyed as the requirement (0169)', () => {
    const keyedEcoa: EvidenceRequirement = { key: 'ecoa', label: 'Model risk guidance', framework: 'SR 11-7', needsLink: false, enforcement: 'blocking' };
    const evaluation = evaluateAgainstPolicy(retailCreditPdV2, withEvidence([keyedEcoa]));
    expect(evaluation.checks[0]).toMatchObject({ subject: 'ecoa', status: 'missing' });
    expect(evaluation.outcome).toBe('refused');
    // The same reference cites it once the requirement names its framework, or none.
    expect(evaluateAgainstPolicy(retailCreditPdV2, withEvidence([{ ...keyedEcoa, framework: ' equal  credit opportunity ACT' }])).checks[0]).toMatchObject({ status: 'pass', evidence: { reference: { key: 'ecoa' } } });
    const { framework: _none, ...byKey } = keyedEcoa;
    expect(evaluateAgainstPolicy(retailCreditPdV2, withEvidence([byKey])).checks[0]).toMatchObject({ status: 'pass', evidence: { reference: { key: 'ecoa' } } });
  });

  it('pass on the reference keyed as the requirement, with its link', () => {
    expect(evaluateAgainstPolicy(withReport('https://mrm.example/vr-2024-031'), withEvidence([validation])).checks[0]?.status).toBe('pass');
  });
});

describe('evidence requirements at publication', () => {
  const base = { key: 'evidence', name: 'Evidence', scope: { riskTiers: [1] }, onBlockingFailure: 'refuse', metrics: [], subgroupMetrics: [], requiredSections: [] };
  const paths = (body: unknown) => {
    const parsed = publishPolicyRequestSchema.safeParse(body);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('/'));
  };

  it('count as a requirement of their own', () => {
    expect(paths({ ...base, requiredEvidence: [regB] })).toEqual([]);
    expect(paths({ ...base, requiredEvidence: [] })).toEqual(['metrics']);
  });

  it('are refused with their field paths: a key listed twice, a blank label or framework, a bad key, no link choice', () => {
    expect(paths({ ...base, requiredEvidence: [regB, { ...validation, key: regB.key }] })).toEqual(['requiredEvidence/1']);
    expect(paths({ ...base, requiredEvidence: [{ ...regB, label: '  ' }] })).toEqual(['requiredEvidence/0/label']);
    expect(paths({ ...base, requiredEvidence: [{ ...regB, framework: ' ' }] })).toEqual(['requiredEvidence/0/framework']);
    expect(paths({ ...base, requiredEvidence: [{ ...regB, key: 'Reg B' }] })).toEqual(['requiredEvidence/0/key']);
    const { needsLink: _dropped, ...noLinkChoice } = regB;
    expect(paths({ ...base, requiredEvidence: [noLinkChoice] })).toEqual(['requiredEvidence/0/needsLink']);
  });

  it('refuse an unknown model type or one listed twice in the scope', () => {
    expect(paths({ ...base, metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }], scope: { riskTiers: [1], modelTypes: ['llm'] } })).toEqual(['scope/modelTypes/0']);
    expect(paths({ ...base, metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }], scope: { riskTiers: [1], modelTypes: ['ranking', 'ranking'] } })).toEqual(['scope/modelTypes/1']);
  });
});
