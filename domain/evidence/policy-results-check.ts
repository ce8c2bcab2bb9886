import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import type { PolicyCheck } from '../contracts/policies.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import { evaluateAgainstPolicy } from '../policy/evaluate-against-policy.ts';
import { fail, pass, short } from './check.ts';
import { loggedPolicyHistory, type LoggedPolicyHistory } from './policy-checks-logged.ts';
import { chainProblems, reconcileWithLog } from './policy-checks-reconcile.ts';

// Each version's policy results (docs/decisions/0144) must be what the policy version the record
// carries (0166) says of the version's content: the content is evaluated against the definition
// again and every result must be the recomputed one, none missing, none added, none twice; the
// outcome must follow; and each decision's signed governance digest must be of these results.
// Holding results only to the content let a result be turned to "pass", deleted, or given a
// lower bar: the bars and the list of requirements come from the definition, not the results.
// A version re-checked after a decision was signed also carries its earlier checks (0169), each
// evaluated again the same way; a signature must be of one of the version's checks. Where the
// audit log states the version's checks (0171), the carried ones must be exactly those, and each
// signature of the one in effect at its place in the log.

type RecordVersion = ApprovalRecord['versions'][number];
type Evaluation = NonNullable<RecordVersion['policy']>;
type Definition = NonNullable<RecordVersion['policyDefinition']>;
/** A check the record carries for a version, where it sits: the one in effect or an earlier one. */
interface Carried {
  at: string;
  definitionAt: string;
  evaluation: Evaluation;
  definition: Definition | undefined;
  seq?: number;
  evaluatedAt?: string;
}

/** The version's checks, earlier ones first, the one in effect last. */
function carried(index: number, version: RecordVersion): Carried[] {
  const earlier = (version.earlierPolicyChecks ?? []).map((c, i) => {
    const at = `/versions/${index}/earlierPolicyChecks/${i}`;
    return { at, definitionAt: `${at}/policyDefinition`, evaluation: c.policy, definition: c.policyDefinition, seq: c.seq, evaluatedAt: c.evaluatedAt };
  });
  const inEffect = version.policy ? [{ at: `/versions/${index}/policy`, definitionAt: `/versions/${index}/policyDefinition`, evaluation: version.policy, definition: version.policyDefinition }] : [];
  return [...earlier, ...inEffect];
}

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

/** Each decision on the version must have signed one of its carried checks: the same policy version and the digest of those results. */
async function digestProblems(record: ApprovalRecord, index: number, version: RecordVersion, checks: readonly Carried[], history: LoggedPolicyHistory): Promise<string[]> {
  const digests = await Promise.all(checks.map(async (c) => ({ ...c, digest: await sha256Hex(canonicalize(c.evaluation)) })));
  const reconciled = reconcileWithLog(record, version, digests, history);
  if (reconciled) return reconciled;
  // The log states no check of this version (entries before 0171's rule could hold one): any carried check.
  const problems: string[] = [];
  for (const decision of record.decisions) {
    const signed = decision.signature?.payload.governance?.policy;
    if (decision.versionNumber !== version.number || !signed) continue;
    if (digests.length === 0) problems.push(`decision ${decision.id} signed a check by ${signed.key} version ${signed.version} that /versions/${index} does not carry`);
    else if (!digests.some((c) => signed.key === c.evaluation.policy.key && signed.version === c.evaluation.policy.version && signed.evaluationDigest === c.digest)) {
      const carriedNow = digests.map((c) => `${c.at} is ${c.evaluation.policy.key} version ${c.evaluation.policy.version} hashing to ${short(c.digest)}`).join(', ');
      problems.push(`decision ${decision.id} signed ${signed.key} version ${signed.version} with digest ${short(signed.evaluationDigest)}, none of the version's checks: ${carriedNow}`);
    }
  }
  return problems;
}

/**
 * Earlier checks are numbered as stored: submission 0, re-checks 1, 2, … without gaps (0171);
 * every check after the first is a re-check (only a re-check supersedes), and the submission
 * check is none; each re-check's `from` names the check before it.
 */
function orderProblems(checks: readonly Carried[]): string[] {
  const problems: string[] = [];
  checks.forEach((check, i) => {
    const recheck = check.evaluation.reresolved !== undefined || check.evaluation.republished !== undefined;
    const previous = checks[i - 1]?.seq;
    if (check.seq !== undefined && previous !== undefined && check.seq !== previous + 1) problems.push(`${check.at} is numbered ${check.seq}, not ${previous + 1} (the number after ${previous})`);
    if (check.seq === 0 && recheck) problems.push(`${check.at} is numbered 0 (the check at submission) but is a re-check`);
    if (check.seq !== undefined && check.seq > 0 && !recheck) problems.push(`${check.at} is numbered ${check.seq} (a re-check) but is not marked as one`);
    if (i > 0 && !recheck) problems.push(`${check.at} follows another check of the version but is not a re-check`);
  });
  return [...problems, ...chainProblems(checks)];
}

/** A published version is never edited: every copy of its definition in the record (any version, any check) must be the same. */
function sameDefinitionProblems(record: ApprovalRecord, index: number): string[] {
  const first = new Map<string, { at: string; text: string }>();
  const problems: string[] = [];
  for (const [i, version] of record.versions.entries()) {
    if (i > index) break;
    for (const check of carried(i, version)) {
      const definition = check.definition;
      if (!definition) continue;
      const id = `${definition.key} version ${definition.version}`;
      const text = canonicalize(definition);
      const seen = first.get(id);
      if (!seen) first.set(id, { at: check.definitionAt, text });
      else if (i === index && seen.text !== text) problems.push(`${id} is defined otherwise in ${seen.at}`);
    }
  }
  return problems;
}

async function versionProblems(record: ApprovalRecord, index: number, version: RecordVersion, history: LoggedPolicyHistory): Promise<string[]> {
  const checks = carried(index, version);
  const evaluated = checks.flatMap((c) => definitionProblems(c.evaluation, c.definition, version.content).map((p) => (c.seq === undefined ? p : `${c.at}: ${p}`)));
  const orphan = !version.policy && (version.policyDefinition || version.earlierPolicyChecks) ? ['policyDefinition or earlier checks are present without the check in effect'] : [];
  return [...orphan, ...evaluated, ...orderProblems(checks), ...sameDefinitionProblems(record, index), ...(await digestProblems(record, index, version, checks, history))];
}

function earlierWords(version: RecordVersion): string {
  const earlier = version.earlierPolicyChecks ?? [];
  return earlier.length === 0 ? '' : `; so are those of its ${earlier.length} earlier check(s) (${earlier.map((c) => (c.seq === 0 ? 'at submission' : `re-check ${c.seq}`)).join(', ')}), each against its own policy version`;
}

/** One check per version with policy results or a decision that signed some; none for a record made before 0144. */
export async function policyResultsChecks(record: ApprovalRecord): Promise<RecordCheck[]> {
  // Nothing to check only when no version carries results and no decider signed any: results
  // stripped from a record whose decisions signed them must fail, not be skipped.
  const signedAny = record.decisions.some((d) => d.signature?.payload.governance?.policy);
  // Nor when every check is stripped from a record whose log states checks.
  const history = loggedPolicyHistory(record);
  if (!signedAny && history.checks.length === 0 && !record.versions.some((v) => v.policy || v.policyDefinition || v.earlierPolicyChecks)) return [];
  const checks: RecordCheck[] = [];
  for (const [index, version] of record.versions.entries()) {
    const signedBy = record.decisions.filter((d) => d.versionNumber === version.number && d.signature?.payload.governance?.policy);
    const logged = history.checks.some((c) => c.packageVersion === version.number);
    if (!version.policy && !version.policyDefinition && !version.earlierPolicyChecks && signedBy.length === 0 && !logged) continue;
    const policy = version.policy?.policy;
    const label = `Policy results of version ${version.number}${policy ? ` (${policy.key} version ${policy.version})` : ''}`;
    const problems = await versionProblems(record, index, version, history);
    checks.push(
      problems.length === 0
        ? pass(label, `${version.policy?.checks.length ?? 0} result(s) are what /versions/${index}/policyDefinition gives for /versions/${index}/content, none missing or added${earlierWords(version)}; ${signedBy.length} decision(s) signed the digest of one of the version's checks.`)
        : fail(label, `/versions/${index}/policy: ${problems.join('; ')}.`),
    );
  }
  return checks;
}
