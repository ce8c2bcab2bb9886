import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import type { PolicyCheck } from '../contracts/policies.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import { evaluateAgainstPolicy } from '../policy/evaluate-against-policy.ts';
import { fail, pass, short } from './check.ts';

// Each version's policy results (docs/decisions/0144) must be what the policy version the record
// carries (0166) says of the version's content: the content is evaluated against the definition
// again and every result must be the recomputed one, none missing, none added, none twice; the
// outcome must follow; and each decision's signed governance digest must be of these results.
// Holding results only to the content let a result be turned to "pass", deleted, or given a
// lower bar: the bars and the list of requirements come from the definition, not the results.

type RecordVersion = ApprovalRecord['versions'][number];
type Evaluation = NonNullable<RecordVersion['policy']>;
type Definition = NonNullable<RecordVersion['policyDefinition']>;

/** A result's place in the evaluation: one per metric, per subgroup row (or "all"), per section and per evidence requirement. */
const identity = (c: PolicyCheck): string => `${c.kind} ${c.subject}${c.subgroupKey ?? c.subgroup ? ` (${c.subgroupKey ?? c.subgroup ?? ''})` : ''}`;

/**
 * The members a result must share with its recomputation; `declared` only where the result keeps
 * it (checks made before it was kept lack it). `evidence` holds the requirement as stated and the
 * reference that met it (0157): from the definition and the content, like every other member.
 */
function differences(recorded: PolicyCheck, recomputed: PolicyCheck): string[] {
  const members = ['subgroup', 'enforcement', 'status', 'required', 'actual', 'weakerOwnerThreshold', 'conflictingCopies', 'evidence', ...(recorded.declared ? ['declared' as const] : [])] as const;
  return members.filter((m) => canonicalize(recorded[m] ?? null) !== canonicalize(recomputed[m] ?? null)).map((m) => `${m} ${canonicalize(recorded[m] ?? null)} where the policy gives ${canonicalize(recomputed[m] ?? null)}`);
}

function resultProblems(evaluation: Evaluation, recomputed: readonly PolicyCheck[]): string[] {
  const problems: string[] = [];
  const recorded = new Map<string, PolicyCheck>();
  for (const check of evaluation.checks) {
    if (recorded.has(identity(check))) problems.push(`${identity(check)} is listed twice`);
    recorded.set(identity(check), check);
  }
  const expected = new Map(recomputed.map((c) => [identity(c), c]));
  for (const [key, check] of expected) {
    const result = recorded.get(key);
    if (!result) problems.push(`the policy requires a result for ${key} (${check.status}), the record has none`);
    else for (const difference of differences(result, check)) problems.push(`${key}: ${difference}`);
  }
  for (const key of recorded.keys()) if (!expected.has(key)) problems.push(`${key} is not a result the policy gives for this content`);
  return problems;
}

/** A re-check of a version in review flags what would refuse a submission (0141, 0150). */
function expectedOutcome(evaluation: Evaluation, recomputed: Evaluation['outcome']): Evaluation['outcome'] {
  const recheck = evaluation.reresolved !== undefined || evaluation.republished !== undefined;
  return recheck && recomputed === 'refused' ? 'flagged' : recomputed;
}

function definitionProblems(evaluation: Evaluation, definition: Definition | undefined, content: RecordVersion['content']): string[] {
  if (!definition) return ['the record carries these results but not the policy version they are of, so they cannot be evaluated again'];
  const { key, version, name } = evaluation.policy;
  if (definition.key !== key || definition.version !== version || definition.name !== name) {
    return [`the results name ${key} version ${version} (${name}), policyDefinition is ${definition.key} version ${definition.version} (${definition.name})`];
  }
  const recomputed = evaluateAgainstPolicy(content, definition);
  const problems = resultProblems(evaluation, recomputed.checks);
  const outcome = expectedOutcome(evaluation, recomputed.outcome);
  if (evaluation.outcome !== outcome) problems.push(`the outcome is ${evaluation.outcome}, the policy gives ${outcome}`);
  return problems;
}

async function digestProblems(record: ApprovalRecord, index: number, version: RecordVersion): Promise<string[]> {
  const problems: string[] = [];
  const evaluation = version.policy;
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

/** A published version is never edited: every version checked against it must carry the same definition. */
function sameDefinitionProblems(record: ApprovalRecord, index: number, definition: Definition | undefined): string[] {
  if (!definition) return [];
  const first = record.versions.findIndex((v) => v.policyDefinition?.key === definition.key && v.policyDefinition.version === definition.version);
  const earlier = record.versions[first]?.policyDefinition;
  if (first >= index || !earlier || canonicalize(earlier) === canonicalize(definition)) return [];
  return [`${definition.key} version ${definition.version} is defined otherwise in /versions/${first}/policyDefinition`];
}

async function versionProblems(record: ApprovalRecord, index: number, version: RecordVersion): Promise<string[]> {
  const { policy: evaluation, policyDefinition: definition } = version;
  const evaluated = evaluation ? definitionProblems(evaluation, definition, version.content) : definition ? ['policyDefinition is present without results'] : [];
  return [...evaluated, ...sameDefinitionProblems(record, index, definition), ...(await digestProblems(record, index, version))];
}

/** One check per version with policy results or a decision that signed some; none for a record made before 0144. */
export async function policyResultsChecks(record: ApprovalRecord): Promise<RecordCheck[]> {
  // Nothing to check only when no version carries results and no decider signed any: results
  // stripped from a record whose decisions signed them must fail, not be skipped.
  const signedAny = record.decisions.some((d) => d.signature?.payload.governance?.policy);
  if (!signedAny && !record.versions.some((v) => v.policy || v.policyDefinition)) return [];
  const checks: RecordCheck[] = [];
  for (const [index, version] of record.versions.entries()) {
    const signedBy = record.decisions.filter((d) => d.versionNumber === version.number && d.signature?.payload.governance?.policy);
    if (!version.policy && !version.policyDefinition && signedBy.length === 0) continue;
    const policy = version.policy?.policy;
    const label = `Policy results of version ${version.number}${policy ? ` (${policy.key} version ${policy.version})` : ''}`;
    const problems = await versionProblems(record, index, version);
    checks.push(
      problems.length === 0
        ? pass(label, `${version.policy?.checks.length ?? 0} result(s) are what /versions/${index}/policyDefinition gives for /versions/${index}/content, none missing or added; ${signedBy.length} decision(s) signed their digest.`)
        : fail(label, `/versions/${index}/policy: ${problems.join('; ')}.`),
    );
  }
  return checks;
}
