// An independent verifier of a record's policy results (docs/verification.md, "Policy results";
// docs/decisions/0144), written from that text only: it shares no code with the producer
// (domain/policy, domain/evidence/policy-results-check.ts). It imports nothing but node:crypto
// and the other independent verifier's RFC 8785 encoder, so a bug in the app's evaluation or
// hashing cannot hide itself by being used on both sides.
import { createHash } from 'node:crypto';
import { jcs } from './tlog-verifier.ts';

interface Bar {
  operator: string;
  value: number;
}

interface Result {
  kind: string;
  subject: string;
  subgroup?: string;
  subgroupKey?: string;
  enforcement: string;
  status: string;
  required?: Bar;
  actual?: number;
  evidence?: { label: string; framework?: string; needsLink: boolean; reference?: { section: string; key: string } };
}

interface Evaluation {
  policy: { key: string; version: number };
  outcome: string;
  checks: Result[];
}

interface Section {
  key: string;
  kind: string;
  metrics?: { key: string; value?: number }[];
  rows?: { key: string; values: Record<string, number> }[];
  references?: { key: string; framework: string; url?: string }[];
}

interface RecordShape {
  versions: { number: number; content: { sections: Section[] }; policy?: Evaluation }[];
  decisions: { id: string; versionNumber: number; signature?: { payload: { governance?: { policy: { key: string; version: number; evaluationDigest: string } | null } } } | null }[];
}

export interface PolicyVerdict {
  ok: boolean;
  problems: string[];
  /** How many results were re-derived from the content. */
  resultsChecked: number;
  /** How many signed governance digests matched. */
  digestsMatched: number;
}

function meets(value: number, bar: Bar): boolean {
  if (bar.operator === '>=') return value >= bar.value;
  if (bar.operator === '>') return value > bar.value;
  if (bar.operator === '<=') return value <= bar.value;
  if (bar.operator === '<') return value < bar.value;
  throw new Error(`unknown operator ${bar.operator}`);
}

/** The copy that fares worst: the smallest under ">=" or ">", the largest under "<=" or "<". */
function worst(values: number[], bar: Bar): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (bar.operator.startsWith('>') ? sorted[0] : sorted[sorted.length - 1]) as number;
}

function copies(sections: Section[], result: Result): number[] {
  const found: number[] = [];
  for (const section of sections) {
    if (result.kind === 'metric' && section.kind === 'metric_table') {
      for (const metric of section.metrics ?? []) if (metric.key === result.subject && typeof metric.value === 'number') found.push(metric.value);
    }
    if (result.kind === 'subgroup_metric' && section.kind === 'subgroup_table') {
      for (const row of section.rows ?? []) {
        const value = row.values[result.subject];
        if (typeof value === 'number' && (result.subgroup === 'all' || row.key === result.subgroupKey)) found.push(value);
      }
    }
  }
  return found;
}

const folded = (text: string) => text.trim().split(/\s+/).join(' ').toLowerCase();

/** An evidence result against the content: what it must be from the references that cite it, and the reference it names. */
function evidenceProblems(sections: Section[], result: Result, name: string): string[] {
  const wanted = result.evidence;
  if (!wanted) return [`${name}: evidence result without its requirement`];
  const citing: { section: string; key: string; url?: string }[] = [];
  for (const section of sections) {
    if (section.kind !== 'references') continue;
    for (const ref of section.references ?? []) {
      const byFramework = typeof wanted.framework === 'string' && folded(ref.framework) === folded(wanted.framework);
      if (ref.key === result.subject || byFramework) citing.push({ section: section.key, key: ref.key, ...(ref.url === undefined ? {} : { url: ref.url }) });
    }
  }
  let expected = 'pass';
  if (citing.length === 0) expected = 'missing';
  else if (wanted.needsLink && citing.every((c) => c.url === undefined)) expected = 'fail';
  const found: string[] = [];
  if (expected !== result.status) found.push(`${name}: ${citing.length} citing reference(s), result ${result.status}`);
  const named = wanted.reference;
  if (named) {
    const match = citing.find((c) => c.section === named.section && c.key === named.key);
    if (!match) found.push(`${name}: names reference ${named.section}/${named.key}, which does not cite it`);
    else if (result.status === 'pass' && wanted.needsLink && match.url === undefined) found.push(`${name}: passes on ${named.key}, which has no link`);
  } else if (result.status !== 'missing') found.push(`${name}: ${result.status} without naming a reference`);
  return found;
}

/**
 * Checks every version's policy results against its content (each pass or fail follows from
 * the worst reported copy and the policy's bar; a "missing" metric is not reported; the outcome
 * follows from the blocking results) and every decision's signed governance digest: SHA-256 of
 * the RFC 8785 form of the version's `policy` member.
 */
export function verifyRecordPolicy(recordJson: string): PolicyVerdict {
  const record = JSON.parse(recordJson) as RecordShape;
  const problems: string[] = [];
  let resultsChecked = 0;
  let digestsMatched = 0;
  for (const version of record.versions) {
    const evaluation = version.policy;
    if (evaluation) {
      for (const result of evaluation.checks) {
        const name = `version ${version.number} ${result.subject}${result.subgroupKey ? `/${result.subgroupKey}` : ''}`;
        if (result.kind === 'section') {
          const present = version.content.sections.some((s) => s.key === result.subject);
          if (present !== (result.status === 'pass')) problems.push(`${name}: section present=${String(present)}, result ${result.status}`);
          resultsChecked++;
          continue;
        }
        if (result.kind === 'evidence') {
          problems.push(...evidenceProblems(version.content.sections, result, name));
          resultsChecked++;
          continue;
        }
        const found = copies(version.content.sections, result);
        if (result.status === 'missing') {
          if (found.length > 0) problems.push(`${name}: reported ${found.length} time(s), result missing`);
        } else if (result.required && result.actual !== undefined) {
          const decisive = found.length > 0 ? worst(found, result.required) : undefined;
          if (decisive !== result.actual) problems.push(`${name}: worst reported value ${String(decisive)}, result value ${result.actual}`);
          else if (meets(decisive, result.required) !== (result.status === 'pass')) problems.push(`${name}: ${decisive} ${result.required.operator} ${result.required.value} is not ${result.status}`);
        }
        resultsChecked++;
      }
      const blockingUnmet = evaluation.checks.some((c) => c.enforcement === 'blocking' && c.status !== 'pass');
      if (blockingUnmet === (evaluation.outcome === 'pass')) problems.push(`version ${version.number}: outcome ${evaluation.outcome} with blocking results ${blockingUnmet ? 'unmet' : 'all met'}`);
    }
    const digest = evaluation ? createHash('sha256').update(jcs(evaluation), 'utf8').digest('hex') : null;
    for (const decision of record.decisions) {
      const signed = decision.signature?.payload.governance?.policy;
      if (!signed || decision.versionNumber !== version.number) continue;
      if (digest === null || !evaluation) problems.push(`decision ${decision.id}: signed a policy check that version ${version.number} does not carry`);
      else if (signed.evaluationDigest !== digest || signed.key !== evaluation.policy.key || signed.version !== evaluation.policy.version) problems.push(`decision ${decision.id}: signed digest ${signed.evaluationDigest}, version ${version.number}'s results hash to ${digest}`);
      else digestsMatched++;
    }
  }
  return { ok: problems.length === 0, problems, resultsChecked, digestsMatched };
}
