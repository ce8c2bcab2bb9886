import type { PackageContent } from '../contracts/package-content.ts';
import type { PolicyCheck, PolicyRef } from '../contracts/policies.ts';
import type { FieldProblem } from '../contracts/problem.ts';
import { describeThreshold } from '../package/thresholds.ts';

// A failed policy check in words, and where in the submitted content it points, so that the
// refusal shows next to the field the owner must change.

export function describeCheck(check: PolicyCheck): string {
  const bar = check.required ? describeThreshold(check.required) : '';
  const where = check.subgroup && check.subgroup !== 'all' ? ` for ${check.subgroup}` : '';
  if (check.kind === 'section') return check.status === 'pass' ? `Section "${check.subject}" is present` : `Section "${check.subject}" is required and missing`;
  if (check.status === 'missing') return `Metric "${check.subject}" is required (${bar}) and not reported`;
  const value = check.actual === undefined ? '' : ` is ${check.actual}`;
  return check.status === 'pass' ? `Metric "${check.subject}"${where}${value}, ${bar} as required` : `Metric "${check.subject}"${where}${value}; the policy requires ${bar}`;
}

function pointerOf(check: PolicyCheck, content: PackageContent, root: string): string {
  const sections = content.sections;
  if (check.kind === 'section') return `${root}/sections`;
  if (check.kind === 'metric') {
    for (const [i, s] of sections.entries()) {
      if (s.kind !== 'metric_table') continue;
      const j = s.metrics.findIndex((m) => m.key === check.subject);
      if (j >= 0) return `${root}/sections/${i}/metrics/${j}/value`;
    }
    const table = sections.findIndex((s) => s.kind === 'metric_table');
    return table >= 0 ? `${root}/sections/${table}/metrics` : `${root}/sections`;
  }
  for (const [i, s] of sections.entries()) {
    if (s.kind !== 'subgroup_table') continue;
    const r = s.rows.findIndex((row) => row.key === check.subgroupKey);
    if (r >= 0) return `${root}/sections/${i}/rows/${r}/values/${check.subject}`;
  }
  const table = sections.findIndex((s) => s.kind === 'subgroup_table');
  return table >= 0 ? `${root}/sections/${table}/metrics` : `${root}/sections`;
}

/** One field problem per failed check, each naming the policy version it comes from. */
export function checkProblems(checks: readonly PolicyCheck[], policy: PolicyRef, content: PackageContent, root: string): FieldProblem[] {
  return checks.map((check) => ({
    pointer: pointerOf(check, content, root),
    message: `${describeCheck(check)} (policy "${policy.name}", ${policy.key} version ${policy.version}, ${check.enforcement})`,
    code: check.status === 'missing' ? 'policy_missing' : 'policy_failed',
  }));
}
