// What the record says happened, held against what was signed. A dishonest server can re-sign
// a record; it cannot forge the decisions' own signatures or the log's entries without the
// proofs failing. So the package's status and steps must rest on signed decisions, and each
// decision's audit entry must say what the decision says, field by field: a rejection shown as
// an approval, or an approval nobody signed, fails here even under a valid record signature.
import type { AuditEntryView } from '../contracts/audit.ts';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import type { StepState } from '../contracts/packages.ts';
import type { SignedDecision } from '../contracts/signatures.ts';
import { fail, pass } from './check.ts';

type Approval = StepState['approvals'][number];

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The fields of a decision.signed entry that differ from the decision it names. */
export function auditDifferences(entry: AuditEntryView, decision: SignedDecision): string[] {
  const expected: [string, unknown, unknown][] = [
    ['step', field(entry.after, 'step'), decision.stepKey],
    ['role', field(entry.after, 'role'), decision.role],
    ['kind', field(entry.after, 'kind'), decision.decision],
    ['version', field(entry.after, 'version'), decision.versionNumber],
    ['contentHash', field(entry.after, 'contentHash'), decision.contentHash],
    ['actor', entry.actorId, decision.actor.id],
  ];
  return expected.filter(([, recorded, decided]) => recorded !== decided).map(([name, recorded, decided]) => `${name} is ${JSON.stringify(recorded)} in the entry, ${JSON.stringify(decided)} in the decision`);
}

function backedBy(step: StepState, approval: Approval, decisions: readonly SignedDecision[]): boolean {
  const kind = approval.withConditions ? 'approve_with_conditions' : 'approve';
  return decisions.some((d) => d.stepKey === step.key && d.decision === kind && d.actor.id === approval.actor.id && d.versionNumber === approval.versionNumber && d.decidedAt === approval.decidedAt);
}

/** The steps' approvals and states, and the package's status, as the signed decisions support them. */
export function stepsCheck(record: ApprovalRecord): RecordCheck {
  const label = 'Status and steps backed by signed decisions';
  const problems: string[] = [];
  for (const [index, step] of record.steps.entries()) {
    for (const [kind, list] of [['approvals', step.approvals], ['staleApprovals', step.staleApprovals]] as const) {
      for (const [at, approval] of list.entries()) {
        if (!backedBy(step, approval, record.decisions)) problems.push(`/steps/${index}/${kind}/${at}: no signed decision by ${approval.actor.displayName} on step ${step.key}, version ${approval.versionNumber}, at ${approval.decidedAt}.`);
      }
    }
    if (step.status === 'approved' && step.approvals.length < step.approvalsRequired) problems.push(`/steps/${index} is approved with ${step.approvals.length} of ${step.approvalsRequired} approvals.`);
    if (step.status === 'rejected' && !record.decisions.some((d) => d.stepKey === step.key && d.decision === 'reject')) problems.push(`/steps/${index} is rejected, but no signed rejection of step ${step.key} is in /decisions.`);
  }
  const { status } = record.package;
  if ((status === 'approved' || status === 'approved_with_conditions') && record.steps.some((step) => step.status !== 'approved')) {
    problems.push(`/package/status is ${status}, but not every step in /steps is approved.`);
  }
  if (status === 'rejected' && !record.steps.some((step) => step.status === 'rejected')) problems.push('/package/status is rejected, but no step in /steps is.');
  return problems.length === 0
    ? pass(label, `Every approval in /steps is a signed decision in /decisions, and the package is ${status.replaceAll('_', ' ')} as its steps say.`)
    : fail(label, problems.join(' '));
}
