import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import type { PackageContent } from '../contracts/package-content.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { meetsThreshold } from '../package/thresholds.ts';
import { worstValue } from '../policy/evaluate-against-policy.ts';
import { sameFramework } from '../policy/evidence-requirement.ts';
import { fail, pass, short } from './check.ts';

// Each version's policy results (docs/decisions/0144) must hold up against the version's own
// content and against what its deciders signed: every result follows from the value and the
// policy's bar, every value is the worst copy the content reports, the outcome follows from
// the blocking results, and each decision's signed governance digest is of these results.

type RecordVersion = ApprovalRecord['versions'][number];
type Evaluation = NonNullable<RecordVersion['policy']>;
type Check = Evaluation['checks'][number];

/** Every value the content reports for a check's metric (and subgroup row). */
function reported(content: PackageContent, check: Check): number[] {
  const values: number[] = [];
  for (const section of content.sections) {
    if (check.kind === 'metric' && section.kind === 'metric_table') {
      values.push(...section.metrics.filter((m) => m.key === check.subject).map((m) => m.value));
    }
    if (check.kind === 'subgroup_metric' && section.kind === 'subgroup_table') {
      for (const row of section.rows) {
        const value = row.values[check.subject];
        if (value !== undefined && (check.subgroup === 'all' || row.key === check.subgroupKey)) values.push(value);
      }
    }
  }
  return values;
}

/**
 * Evidence (docs/decisions/0157): the reference the result names must exist and cite the
 * requirement, and the status must follow from what the content cites: pass when a citing
 * reference (with a URL, if the requirement needs a link) exists, fail when some cite it but
 * none with the link asked for, missing when none cites it.
 */
function evidenceProblem(content: PackageContent, check: Check): string | null {
  const evidence = check.evidence;
  if (!evidence) return `evidence ${check.subject} does not carry its requirement`;
  const cites = content.sections.flatMap((s) => (s.kind === 'references' ? s.references.map((r) => ({ section: s.key, ...r })) : [])).filter((r) => r.key === check.subject || (evidence.framework !== undefined && sameFramework(r.framework, evidence.framework)));
  const expected = cites.length === 0 ? 'missing' : evidence.needsLink && !cites.some((r) => r.url !== undefined) ? 'fail' : 'pass';
  if (expected !== check.status) return `evidence ${check.subject}: the content makes it ${expected}, the result says ${check.status}`;
  const named = evidence.reference;
  if (!named) return check.status === 'missing' ? null : `evidence ${check.subject} is ${check.status} but names no reference`;
  const reference = cites.find((r) => r.section === named.section && r.key === named.key);
  if (!reference) return `evidence ${check.subject} names reference ${named.key} in ${named.section}, which does not cite it`;
  if (check.status === 'pass' && evidence.needsLink && reference.url === undefined) return `evidence ${check.subject} passes on reference ${named.key}, which has no link`;
  return null;
}

function checkProblem(content: PackageContent, check: Check): string | null {
  if (check.kind === 'evidence') return evidenceProblem(content, check);
  const what = `${check.subject}${check.subgroupKey ? ` (${check.subgroupKey})` : ''}`;
  if (check.kind === 'section') {
    const present = content.sections.some((s) => s.key === check.subject);
    return present === (check.status === 'pass') ? null : `section ${check.subject} is ${present ? 'present' : 'absent'} but the result says ${check.status}`;
  }
  const values = reported(content, check);
  if (check.status === 'missing') return values.length === 0 ? null : `${what} is reported but the result says missing`;
  if (check.actual === undefined || !check.required) return null;
  if (values.length === 0) return `${what} is not in the content but the result gives it ${check.actual}`;
  const worst = worstValue(values, check.required);
  if (worst !== check.actual) return `${what}: the content's worst value is ${worst}, the result says ${check.actual}`;
  if (meetsThreshold(worst, check.required) !== (check.status === 'pass')) return `${what}: ${worst} against ${check.required.operator} ${check.required.value} is not ${check.status}`;
  return null;
}

async function versionProblems(record: ApprovalRecord, index: number, version: RecordVersion): Promise<string[]> {
  const problems: string[] = [];
  const evaluation = version.policy;
  if (evaluation) {
    for (const check of evaluation.checks) {
      const problem = checkProblem(version.content, check);
      if (problem) problems.push(problem);
    }
    const blockingFailed = evaluation.checks.some((c) => c.enforcement === 'blocking' && c.status !== 'pass');
    if (blockingFailed === (evaluation.outcome === 'pass')) problems.push(`the outcome ${evaluation.outcome} does not follow from the blocking results`);
  }
  const digest = evaluation ? await sha256Hex(canonicalize(evaluation)) : null;
  for (const decision of record.decisions) {
    const signed = decision.signature?.payload.governance?.policy;
    if (decision.versionNumber !== version.number || !signed) continue;
    if (!evaluation || digest === null) problems.push(`decision ${decision.id} signed a check by ${signed.key} version ${signed.version} that /versions/${index} does not carry`);
    else if (signed.key !== evaluation.policy.key || signed.version !== evaluation.policy.version || signed.evaluationDigest !== digest) {
      problems.push(`decision ${decision.id} signed ${signed.key} version ${signed.version} with digest ${short(signed.evaluationDigest)}; /versions/${index}/policy is ${evaluation.policy.key} version ${evaluation.policy.version} hashing to ${short(digest)}`);
    }
  }
  return problems;
}

/** One check per version with policy results or a decision that signed some; none for a record made before 0144. */
export async function policyResultsChecks(record: ApprovalRecord): Promise<RecordCheck[]> {
  if (!record.versions.some((v) => v.policy)) return [];
  const checks: RecordCheck[] = [];
  for (const [index, version] of record.versions.entries()) {
    const signedBy = record.decisions.filter((d) => d.versionNumber === version.number && d.signature?.payload.governance?.policy);
    if (!version.policy && signedBy.length === 0) continue;
    const policy = version.policy?.policy;
    const label = `Policy results of version ${version.number}${policy ? ` (${policy.key} version ${policy.version})` : ''}`;
    const problems = await versionProblems(record, index, version);
    checks.push(
      problems.length === 0
        ? pass(label, `${version.policy?.checks.length ?? 0} result(s) follow from /versions/${index}/content and the policy's bars; ${signedBy.length} decision(s) signed their digest.`)
        : fail(label, `/versions/${index}/policy: ${problems.join('; ')}.`),
    );
  }
  return checks;
}
