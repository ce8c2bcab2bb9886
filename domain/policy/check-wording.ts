import type { PackageContent } from '../contracts/package-content.ts';
import type { PolicyCheck, PolicyRef } from '../contracts/policies.ts';
import type { FieldProblem } from '../contracts/problem.ts';
import { describeThreshold } from '../package/thresholds.ts';

// A failed policy check in words, and where in the submitted content it points (the copy with
// the deciding value), so that the refusal shows next to the field the owner must change.

function conflictWords(check: PolicyCheck): string {
  if (!check.conflictingCopies) return '';
  const copies = check.conflictingCopies.map((c) => `${c.value} in "${c.section}"`).join(', ');
  return `; reported ${check.conflictingCopies.length} times with different values (${copies}), the worst decides`;
}

function describeEvidence(check: PolicyCheck): string {
  const evidence = check.evidence;
  const label = evidence?.label ?? check.subject;
  const cited = evidence?.reference ? ` (reference "${evidence.reference.key}")` : '';
  if (check.status === 'pass') return `Evidence "${label}" is cited${cited}`;
  if (check.status === 'fail') return `Evidence "${label}" is cited${cited} without the link the policy requires`;
  // A requirement naming a framework is met by a reference of that framework only, else by key (0169).
  const how = `${evidence?.framework ? `cite a reference of framework "${evidence.framework}"` : `cite a reference keyed "${check.subject}"`}${evidence?.needsLink ? ', with a link' : ''}`;
  return `Evidence "${label}" is required and not cited: ${how}`;
}

/** What a check is about, in a table cell: the metric or section key, or the evidence's label. */
export function checkSubjectWords(check: { kind: PolicyCheck['kind']; subject: string; evidence?: { label: string } | undefined }): string {
  if (check.kind === 'section') return `Section ${check.subject}`;
  if (check.kind === 'evidence') return `Evidence: ${check.evidence?.label ?? check.subject}`;
  return check.subject;
}

/** An evidence requirement's bar in a table cell: what must be cited, and whether with a link. */
export function evidenceBarWords(evidence: NonNullable<PolicyCheck['evidence']>, key: string): string {
  return `Cited: ${evidence.framework ? `a reference of framework "${evidence.framework}"` : `reference "${key}"`}${evidence.needsLink ? ', with a link' : ''}`;
}

/** What the package offered for an evidence requirement, in a table cell. */
export function evidenceValueWords(check: PolicyCheck): string {
  const cited = check.evidence?.reference;
  if (!cited) return 'Not cited';
  return `Reference "${cited.key}" in ${cited.section}${check.status === 'fail' ? ', no link' : ''}`;
}

export function describeCheck(check: PolicyCheck): string {
  if (check.kind === 'evidence') return describeEvidence(check);
  const bar = check.required ? describeThreshold(check.required) : '';
  const where = check.subgroup && check.subgroup !== 'all' ? ` for ${check.subgroup}` : '';
  if (check.kind === 'section') return check.status === 'pass' ? `Section "${check.subject}" is present` : `Section "${check.subject}" is required and missing`;
  if (check.status === 'missing') return `Metric "${check.subject}"${where} is required (${bar}) and not reported`;
  const value = check.actual === undefined ? '' : check.subgroup === 'all' ? ` is ${check.actual} at worst across subgroups` : ` is ${check.actual}`;
  const conflict = conflictWords(check);
  return check.status === 'pass' ? `Metric "${check.subject}"${where}${value}, ${bar} as required${conflict}` : `Metric "${check.subject}"${where}${value}; the policy requires ${bar}${conflict}`;
}

/** The reference cited without its link, or the first references section (where the citation belongs). */
function evidencePointer(check: PolicyCheck, content: PackageContent, root: string): string {
  const cited = check.evidence?.reference;
  const i = content.sections.findIndex((s) => s.kind === 'references' && (!cited || s.key === cited.section));
  const section = content.sections[i];
  if (!section || section.kind !== 'references') return `${root}/sections`;
  const j = cited ? section.references.findIndex((r) => r.key === cited.key) : -1;
  return j >= 0 ? `${root}/sections/${i}/references/${j}/url` : `${root}/sections/${i}/references`;
}

function pointerOf(check: PolicyCheck, content: PackageContent, root: string): string {
  const sections = content.sections;
  if (check.kind === 'section') return `${root}/sections`;
  if (check.kind === 'evidence') return evidencePointer(check, content, root);
  if (check.kind === 'metric') {
    for (const [i, s] of sections.entries()) {
      if (s.kind !== 'metric_table') continue;
      const j = s.metrics.findIndex((m) => m.key === check.subject && (check.actual === undefined || m.value === check.actual));
      if (j >= 0) return `${root}/sections/${i}/metrics/${j}/value`;
    }
    const table = sections.findIndex((s) => s.kind === 'metric_table');
    return table >= 0 ? `${root}/sections/${table}/metrics` : `${root}/sections`;
  }
  for (const [i, s] of sections.entries()) {
    if (s.kind !== 'subgroup_table') continue;
    const r = s.rows.findIndex((row) => row.key === check.subgroupKey && (check.actual === undefined || row.values[check.subject] === check.actual));
    if (r >= 0) return `${root}/sections/${i}/rows/${r}/values/${check.subject}`;
  }
  const table = sections.findIndex((s) => s.kind === 'subgroup_table');
  if (table < 0) return `${root}/sections`;
  return check.subgroupKey ? `${root}/sections/${table}/rows` : `${root}/sections/${table}/metrics`;
}

/** One field problem per failed check, each naming the policy version it comes from. */
export function checkProblems(checks: readonly PolicyCheck[], policy: PolicyRef, content: PackageContent, root: string): FieldProblem[] {
  return checks.map((check) => ({
    pointer: pointerOf(check, content, root),
    message: `${describeCheck(check)} (policy "${policy.name}", ${policy.key} version ${policy.version}, ${check.enforcement})`,
    code: check.status === 'missing' ? 'policy_missing' : 'policy_failed',
  }));
}
