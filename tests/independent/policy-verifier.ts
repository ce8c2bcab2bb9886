// An independent verifier of a record's policy results (docs/verification.md, "Policy results";
// docs/decisions/0144, 0166, 0169: every check of a version, earlier ones included), written from that text only: it shares no code with the producer
// (domain/policy, domain/evidence/policy-results-check.ts). It imports nothing but node:crypto,
// the other independent verifier's RFC 8785 encoder and its own evaluator, so a bug in the app's
// evaluation or hashing cannot hide itself by being used on both sides.
import { createHash } from 'node:crypto';
import { evaluate, unsupportedMembers, type Definition, type Result, type Section } from './policy-evaluator.ts';
import { jcs } from './tlog-verifier.ts';
import { checksInLog, type AuditEntryShape, type StatedCheck } from './policy-log.ts';

interface Evaluation {
  policy: { key: string; version: number; name: string };
  outcome: string;
  checks: Result[];
  reresolved?: { from: { key: string; version: number } | null };
  republished?: { from: { key: string; version: number } | null };
}

interface EarlierCheck {
  seq: number;
  evaluatedAt: string;
  policy: Evaluation;
  policyDefinition?: Definition;
}

interface RecordShape {
  versions: { number: number; content: { sections: Section[] }; policy?: Evaluation; policyDefinition?: Definition; earlierPolicyChecks?: EarlierCheck[] }[];
  decisions: { id: string; versionNumber: number; signature?: { payload: { governance?: { policy: { key: string; version: number; evaluationDigest: string } | null } } } | null }[];
  audit: { entries: AuditEntryShape[] };
}

export interface PolicyVerdict {
  ok: boolean;
  problems: string[];
  /** How many results were re-derived from the content. */
  resultsChecked: number;
  /** How many signed governance digests matched. */
  digestsMatched: number;
}

const isRecheck = (evaluation: Evaluation) => evaluation.reresolved !== undefined || evaluation.republished !== undefined;
const digestOf = (evaluation: Evaluation) => createHash('sha256').update(jcs(evaluation), 'utf8').digest('hex');

/** A version's checks as the record carries them: the earlier ones (numbered) in order, then the one in effect. */
function checksOf(version: RecordShape['versions'][number]): { name: string; seq?: number; evaluatedAt?: string; evaluation: Evaluation; definition?: Definition }[] {
  const earlier = (version.earlierPolicyChecks ?? []).map((c) => ({ name: `version ${version.number} check ${c.seq}`, seq: c.seq, evaluatedAt: c.evaluatedAt, evaluation: c.policy, ...(c.policyDefinition ? { definition: c.policyDefinition } : {}) }));
  const current = version.policy ? [{ name: `version ${version.number}`, evaluation: version.policy, ...(version.policyDefinition ? { definition: version.policyDefinition } : {}) }] : [];
  return [...earlier, ...current];
}

/** Numbers as stored: 0 the submission check (not a re-check), then re-checks 1, 2, … without gaps; every check after the first of a version is a re-check, superseding (`from`) the one before it. */
function numbering(checks: ReturnType<typeof checksOf>): string[] {
  const problems: string[] = [];
  checks.forEach((check, i) => {
    const before = checks[i - 1]?.seq;
    if (check.seq !== undefined && before !== undefined && check.seq !== before + 1) problems.push(`${check.name}: numbered after ${before} but not ${before + 1}`);
    const from = (check.evaluation.republished ?? check.evaluation.reresolved)?.from;
    const previous = checks[i - 1]?.evaluation.policy;
    if (from !== undefined && (from?.key !== previous?.key || from?.version !== previous?.version)) problems.push(`${check.name}: supersedes ${from ? `${from.key} version ${from.version}` : 'nothing'}, the check before it is ${previous ? `${previous.key} version ${previous.version}` : 'none'}`);
    if (check.seq === 0 && isRecheck(check.evaluation)) problems.push(`${check.name}: numbered 0 (submission) but a re-check`);
    if ((check.seq ?? 0) > 0 && !isRecheck(check.evaluation)) problems.push(`${check.name}: numbered as a re-check but not one`);
    if (i > 0 && !isRecheck(check.evaluation)) problems.push(`${check.name}: follows another check but is not a re-check`);
  });
  return problems;
}

/**
 * The carried checks (earlier ones, then the one in effect) must be the log's checks of the
 * version one for one: number, policy version, outcome (a stored check is `pass` or else
 * flagged), digest where the entry gives one, and an earlier check's `evaluatedAt` the entry's
 * time.
 */
function againstLog(versionNumber: number, checks: ReturnType<typeof checksOf>, stated: StatedCheck[]): string[] {
  const problems: string[] = [];
  if (checks.length !== stated.length) problems.push(`version ${versionNumber}: the audit log records ${stated.length} policy check(s), the record carries ${checks.length}`);
  for (let i = 0; i < Math.min(checks.length, stated.length); i++) {
    const c = checks[i];
    const s = stated[i];
    if (!c || !s) continue;
    const ref = c.evaluation.policy;
    if (c.seq !== undefined && c.seq !== s.number) problems.push(`${c.name}: the log's check ${i + 1} of the version is number ${s.number}`);
    if (ref.key !== s.key || ref.version !== s.version) problems.push(`${c.name}: ${ref.key} version ${ref.version}, audit entry ${s.entry} records ${s.key} version ${s.version}`);
    if ((c.evaluation.outcome === 'pass' ? 'pass' : 'flagged') !== s.outcome) problems.push(`${c.name}: outcome ${c.evaluation.outcome}, audit entry ${s.entry} records ${s.outcome}`);
    if (s.evaluationDigest !== null && s.evaluationDigest !== digestOf(c.evaluation)) problems.push(`${c.name}: digest differs from audit entry ${s.entry}`);
    if (c.evaluatedAt !== undefined && new Date(c.evaluatedAt).getTime() !== new Date(s.at).getTime()) problems.push(`${c.name}: evaluated at ${c.evaluatedAt}, audit entry ${s.entry} at ${s.at}`);
  }
  return problems;
}

/** Each signed decision on the version must name the check in effect where the log has its `decision.signed` entry: the last check recorded before it, or none. */
function placeSignatures(record: RecordShape, versionNumber: number, digests: { ref: Evaluation['policy']; digest: string }[], stated: StatedCheck[], signedIn: Map<string, number>): { problems: string[]; matched: number } {
  const problems: string[] = [];
  let matched = 0;
  for (const decision of record.decisions) {
    if (decision.versionNumber !== versionNumber || !decision.signature) continue;
    const entry = signedIn.get(decision.id);
    if (entry === undefined) {
      problems.push(`decision ${decision.id}: no decision.signed entry in the audit log`);
      continue;
    }
    const before = stated.filter((s) => s.entry < entry).length;
    const named = decision.signature.payload.governance?.policy ?? null;
    const due = before === 0 ? null : digests[before - 1];
    if (!due) {
      if (named || before > 0) problems.push(`decision ${decision.id}: signed ${named ? `${named.key} version ${named.version}` : 'no check'}, the record carries no check in effect at audit entry ${entry}`);
    } else if (!named) problems.push(`decision ${decision.id}: signed without the policy check in effect at audit entry ${entry} (${due.ref.key} version ${due.ref.version})`);
    else if (named.key !== due.ref.key || named.version !== due.ref.version || named.evaluationDigest !== due.digest) problems.push(`decision ${decision.id}: signed ${named.key} version ${named.version} (${named.evaluationDigest}), the check in effect at audit entry ${entry} is ${due.ref.key} version ${due.ref.version} (${due.digest})`);
    else matched++;
  }
  return { problems, matched };
}

const known = new Set(['metric', 'subgroup_metric', 'section', 'evidence']);
const place = (r: Result) => `${r.kind} ${r.subject}${r.subgroupKey ?? r.subgroup ? `/${r.subgroupKey ?? r.subgroup ?? ''}` : ''}`;
const compared = ['subgroup', 'enforcement', 'status', 'required', 'actual', 'weakerOwnerThreshold', 'conflictingCopies', 'evidence'] as const;

/** Each recorded result against the recomputed one at the same place: none missing, none extra, none twice, every member equal. */
function compare(name: string, recorded: Result[], recomputed: Result[]): string[] {
  const problems: string[] = [];
  const byPlace = new Map<string, Result>();
  for (const result of recorded) {
    if (!known.has(result.kind)) problems.push(`${name}: unsupported requirement kind ${result.kind}`);
    if (byPlace.has(place(result))) problems.push(`${name}: ${place(result)} recorded twice`);
    byPlace.set(place(result), result);
  }
  const expected = new Map(recomputed.map((r) => [place(r), r]));
  for (const [at, want] of expected) {
    const got = byPlace.get(at);
    if (!got) {
      problems.push(`${name}: no result recorded for ${at}, recomputed ${want.status}`);
      continue;
    }
    // The owner's declared bar is only compared where the result keeps it (older checks do not).
    for (const member of [...compared, ...(got.declared ? (['declared'] as const) : [])]) {
      const a = jcs(got[member] ?? null);
      const b = jcs(want[member] ?? null);
      if (a !== b) problems.push(`${name}: ${at} ${member} recorded ${a}, recomputed ${b}`);
    }
  }
  for (const at of byPlace.keys()) if (!expected.has(at)) problems.push(`${name}: ${at} recorded but not a result of the policy`);
  return problems;
}

/** The recorded results and outcome against an evaluation of the content under the recorded definition. */
function recompute(name: string, version: RecordShape['versions'][number], evaluation: Evaluation, definition: Definition | undefined): string[] {
  if (!definition) return [`${name}: policy results without the policy definition, cannot recompute`];
  const ref = evaluation.policy;
  if (definition.key !== ref.key || definition.version !== ref.version || definition.name !== ref.name) return [`${name}: results of ${ref.key} version ${ref.version}, definition of ${definition.key} version ${definition.version}`];
  const unsupported = unsupportedMembers(definition);
  if (unsupported.length > 0) return [`${name}: unsupported requirement kind ${unsupported.join(', ')}`];
  const again = evaluate(definition, version.content.sections, isRecheck(evaluation));
  const problems = compare(name, evaluation.checks, again.results);
  if (again.outcome !== evaluation.outcome) problems.push(`${name}: outcome ${evaluation.outcome}, recomputed ${again.outcome}`);
  return problems;
}

/**
 * Checks every version's policy results (the check in effect and each earlier check) against its
 * content and the policy version the record carries beside them (each result is the one a fresh evaluation gives, none missing, added or
 * twice, and so is the outcome), and every decision's signed governance digest: SHA-256 of the
 * RFC 8785 form of one of the version's checks.
 */
export function verifyRecordPolicy(recordJson: string): PolicyVerdict {
  const record = JSON.parse(recordJson) as RecordShape;
  const problems: string[] = [];
  let resultsChecked = 0;
  let digestsMatched = 0;
  const definitions = new Map<string, string>();
  const log = checksInLog(record.audit.entries);
  for (const version of record.versions) {
    const checks = checksOf(version);
    if (!version.policy && (version.policyDefinition || version.earlierPolicyChecks)) problems.push(`version ${version.number}: a policy definition or earlier checks without results`);
    problems.push(...numbering(checks));
    for (const check of checks) {
      problems.push(...recompute(check.name, version, check.evaluation, check.definition));
      resultsChecked += check.evaluation.checks.length;
      // A published policy version is immutable: each copy in the record must be the same.
      const definition = check.definition;
      if (definition) {
        const at = `${definition.key}@${definition.version}`;
        if ((definitions.get(at) ?? jcs(definition)) !== jcs(definition)) problems.push(`${check.name}: ${definition.key} version ${definition.version} defined differently from an earlier version`);
        definitions.set(at, definitions.get(at) ?? jcs(definition));
      }
    }
    // Each signature is of one of the version's checks: the one in effect when it was signed.
    const digests = checks.map((c) => ({ ref: c.evaluation.policy, digest: digestOf(c.evaluation) }));
    const stated = log.checks.filter((c) => c.forVersion === version.number);
    if (stated.length > 0) {
      problems.push(...againstLog(version.number, checks, stated));
      const placed = placeSignatures(record, version.number, digests, stated, log.signedIn);
      problems.push(...placed.problems);
      digestsMatched += placed.matched;
      continue;
    }
    for (const decision of record.decisions) {
      const signed = decision.signature?.payload.governance?.policy;
      if (!signed || decision.versionNumber !== version.number) continue;
      if (digests.length === 0) problems.push(`decision ${decision.id}: signed a policy check that version ${version.number} does not carry`);
      else if (!digests.some((d) => signed.evaluationDigest === d.digest && signed.key === d.ref.key && signed.version === d.ref.version)) problems.push(`decision ${decision.id}: signed digest ${signed.evaluationDigest}, version ${version.number}'s results hash to ${digests.map((d) => d.digest).join(' or ')}`);
      else digestsMatched++;
    }
  }
  return { ok: problems.length === 0, problems, resultsChecked, digestsMatched };
}
