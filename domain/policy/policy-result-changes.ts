import type { PolicyCheck, PolicyEvaluation, PolicyRef } from '../contracts/policies.ts';

// Which policy results changed between two versions, for the diff and the record: a requirement
// that failed and now passes, one now missing, and the policy version each was checked under.
// A subgroup row is listed only where it failed, conflicted or was missing; absent from a check
// of its metric, it passed.

export type ResultStatus = PolicyCheck['status'] | 'not checked';

export interface PolicyResultChange {
  kind: PolicyCheck['kind'];
  subject: string;
  /** For evidence: what the policy calls it. */
  evidence?: { label: string };
  /** The subgroup row, for a subgroup metric ("all" for the requirement as a whole). */
  subgroup?: string;
  enforcement: PolicyCheck['enforcement'];
  before: ResultStatus;
  after: ResultStatus;
  beforeValue?: number;
  afterValue?: number;
}

export interface PolicyResultChanges {
  /** The policy version each side was checked under (null: no policy applied). */
  before: PolicyRef | null;
  after: PolicyRef | null;
  changes: PolicyResultChange[];
}

const identity = (c: PolicyCheck) => `${c.kind}\u0000${c.subject}\u0000${c.subgroupKey ?? c.subgroup ?? ''}`;

function statusIn(evaluation: PolicyEvaluation | null, check: PolicyCheck): { status: ResultStatus; value?: number } {
  const same = evaluation?.checks.find((c) => identity(c) === identity(check));
  if (same) return { status: same.status, ...(same.actual === undefined ? {} : { value: same.actual }) };
  // A subgroup row not listed under a checked metric passed.
  if (check.kind === 'subgroup_metric' && check.subgroup !== 'all' && evaluation?.checks.some((c) => c.kind === 'subgroup_metric' && c.subject === check.subject && c.status !== 'missing')) return { status: 'pass' };
  return { status: 'not checked' };
}

export function policyResultChanges(before: PolicyEvaluation | null, after: PolicyEvaluation | null): PolicyResultChanges {
  const seen = new Set<string>();
  const changes: PolicyResultChange[] = [];
  for (const check of [...(after?.checks ?? []), ...(before?.checks ?? [])]) {
    const key = identity(check);
    if (seen.has(key)) continue;
    seen.add(key);
    // The requirement as a whole only where both sides state it; its rows say the rest.
    if (check.subgroup === 'all' && !(before?.checks.some((c) => identity(c) === key) && after?.checks.some((c) => identity(c) === key))) continue;
    const was = statusIn(before, check);
    const is = statusIn(after, check);
    if (was.status === is.status) continue;
    changes.push({
      kind: check.kind,
      subject: check.subject,
      ...(check.evidence ? { evidence: { label: check.evidence.label } } : {}),
      ...(check.subgroup ? { subgroup: check.subgroup } : {}),
      enforcement: check.enforcement,
      before: was.status,
      after: is.status,
      ...(was.value === undefined ? {} : { beforeValue: was.value }),
      ...(is.value === undefined ? {} : { afterValue: is.value }),
    });
  }
  return { before: before?.policy ?? null, after: after?.policy ?? null, changes };
}
