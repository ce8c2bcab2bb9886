import type { ApprovalRecord } from '../contracts/record.ts';
import type { LoggedCheck, LoggedPolicyHistory } from './policy-checks-logged.ts';

// A version's carried checks against the checks its audit log states (docs/decisions/0171): the
// same count in the same order, numbered as logged (0 at submission, re-checks 1, 2, … without
// gaps), each naming the logged policy version and outcome (and digest where the entry states
// one), dated at its entry. And each decision bound to the check in effect where its `decision.signed` entry sits in the log.

type RecordVersion = ApprovalRecord['versions'][number];
type Evaluation = NonNullable<RecordVersion['policy']>;

/** A carried check with the SHA-256 of its JCS form; the one in effect carries no `evaluatedAt` (its place in the log dates it). */
export interface DigestedCheck {
  at: string;
  evaluation: Evaluation;
  evaluatedAt?: string;
  seq?: number;
  digest: string;
}

const loggedOutcome = (evaluation: Evaluation) => (evaluation.outcome === 'pass' ? 'pass' : 'flagged');
const supersedes = (evaluation: Evaluation) => evaluation.republished?.from ?? evaluation.reresolved?.from;

function checkProblems(carried: DigestedCheck, logged: LoggedCheck): string[] {
  const { key, version } = carried.evaluation.policy;
  const problems: string[] = [];
  if (carried.seq !== undefined && carried.seq !== logged.seq) problems.push(`${carried.at} is numbered ${carried.seq}, the log's check in this place is ${logged.seq}`);
  if (key !== logged.key || version !== logged.version) problems.push(`${carried.at} names ${key} version ${version}, the log's entry ${logged.entrySeq} ${logged.key} version ${logged.version}`);
  if (loggedOutcome(carried.evaluation) !== logged.outcome) problems.push(`${carried.at} is ${carried.evaluation.outcome}, the log's entry ${logged.entrySeq} says ${logged.outcome}`);
  if (logged.digest !== undefined && logged.digest !== carried.digest) problems.push(`${carried.at} hashes to another digest than the log's entry ${logged.entrySeq} states`);
  // Compared as instants: a store may write the same time with another number of digits.
  if (carried.evaluatedAt !== undefined && Date.parse(carried.evaluatedAt) !== Date.parse(logged.at)) problems.push(`${carried.at} is dated ${carried.evaluatedAt}, the log's entry ${logged.entrySeq} ${logged.at}`);
  return problems;
}

/** Each re-check names the check before it as what it superseded; the first check of a version, if a re-check, superseded none. */
export function chainProblems(checks: readonly Pick<DigestedCheck, 'at' | 'evaluation'>[]): string[] {
  return checks.flatMap((check, i) => {
    const from = supersedes(check.evaluation);
    if (from === undefined) return [];
    const previous = checks[i - 1]?.evaluation.policy;
    const stated = from ? `${from.key} version ${from.version}` : 'none';
    const expected = previous ? `${previous.key} version ${previous.version}` : 'none';
    return stated === expected ? [] : [`${check.at} superseded ${stated}, the check before it is ${expected}`];
  });
}

function decisionProblems(record: ApprovalRecord, version: RecordVersion, checks: readonly DigestedCheck[], logged: readonly LoggedCheck[], history: LoggedPolicyHistory): string[] {
  const problems: string[] = [];
  for (const decision of record.decisions) {
    if (decision.versionNumber !== version.number || !decision.signature) continue;
    const place = history.signedAt.get(decision.id);
    if (place === undefined) {
      problems.push(`decision ${decision.id} has no decision.signed entry in the log to place it against the checks`);
      continue;
    }
    const inEffect = logged.filter((c) => c.entrySeq < place).length - 1;
    const signed = decision.signature.payload.governance?.policy ?? null;
    const check = checks[inEffect];
    if (inEffect < 0 || !check) {
      if (signed) problems.push(`decision ${decision.id} names ${signed.key} version ${signed.version}, but no check of the version was in effect when it was signed (log entry ${place})`);
      continue;
    }
    const { key, version: policyVersion } = check.evaluation.policy;
    if (!signed) problems.push(`decision ${decision.id} names no policy check, but ${check.at} (${key} version ${policyVersion}) was in effect when it was signed (log entry ${place})`);
    else if (signed.key !== key || signed.version !== policyVersion || signed.evaluationDigest !== check.digest) problems.push(`decision ${decision.id} names ${signed.key} version ${signed.version}, not ${check.at} (${key} version ${policyVersion}), the check in effect when it was signed (log entry ${place})`);
  }
  return problems;
}

/**
 * Problems of the version's carried checks (earlier ones first, the one in effect last) against
 * the log; null when the log states no check of the version (records whose entries predate the
 * check's `policy` member), where only the record's own rules apply.
 */
export function reconcileWithLog(record: ApprovalRecord, version: RecordVersion, checks: readonly DigestedCheck[], history: LoggedPolicyHistory): string[] | null {
  const logged = history.checks.filter((c) => c.packageVersion === version.number);
  if (logged.length === 0) return null;
  const problems: string[] = [];
  if (checks.length !== logged.length) problems.push(`the log states ${logged.length} check(s) of version ${version.number} (${logged.map((c) => `${c.key} version ${c.version} at entry ${c.entrySeq}`).join(', ')}), the record carries ${checks.length}`);
  checks.forEach((check, i) => {
    const entry = logged[i];
    if (entry) problems.push(...checkProblems(check, entry));
  });
  return [...problems, ...decisionProblems(record, version, checks, logged, history)];
}
