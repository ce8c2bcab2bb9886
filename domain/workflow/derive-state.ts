import type { Decision } from '../contracts/decisions.ts';
import type { PackageStatus, StepState } from '../contracts/packages.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { isEmergencyApproval } from './emergency.ts';
import { emergencyStands, keptDecisionCounts, keptSegregationConflict, templateSignedUnder, uncoveredSections, type ChainMove } from './kept-decisions.ts';

export interface VersionFacts {
  number: number;
  submittedAt: string;
  /** Section key -> SHA-256 of the section's canonical form. */
  sectionDigests: Record<string, string>;
}

export interface WorkflowState {
  status: PackageStatus;
  steps: StepState[];
  currentStep: StepState | null;
  /** Some step's standing approval with conditions has reached its re-review date. */
  reReviewDue: boolean;
}

const hour = 3_600_000;

function changedSince(from: VersionFacts, to: VersionFacts, sections: readonly string[]): boolean {
  return sections.some((key) => from.sectionDigests[key] !== to.sectionDigests[key]);
}

function isApproval(decision: Decision): boolean {
  return decision.decision === 'approve' || decision.decision === 'approve_with_conditions';
}

/**
 * The one place that says where a package stands. Steps are gated: a step is active only
 * when every earlier step has its approvals on the latest version (or on an earlier version
 * whose responsible sections did not change, if the template lets approvals stand). `moves` is
 * the chain's history (its package.chain_changed entries): an approval signed under a chain the
 * package left counts only where its step covered every section the step now requires (0193),
 * and only where the segregation of duties of the chain in force lets it (0193 amendment:
 * `delegators`, decision id to the holder a delegate signed it for, says who it stands for).
 */
export function deriveWorkflowState(template: WorkflowTemplate, versions: readonly VersionFacts[], decisions: readonly Decision[], now: Date, moves: readonly ChainMove[] = [], delegators: ReadonlyMap<string, string> = new Map()): WorkflowState {
  const latest = versions.reduce<VersionFacts | undefined>((a, v) => (a === undefined || v.number > a.number ? v : a), undefined);
  if (!latest) throw new Error('A package has at least one version');
  const byNumber = new Map(versions.map((v) => [v.number, v]));

  // Re-review dates are calendar dates: one comes due at the start of that day (UTC).
  const today = now.toISOString().slice(0, 10);
  const steps: StepState[] = [];
  let previousDoneAt = latest.submittedAt;
  let blocked = false;
  let rejected = false;

  // An emergency approval is no step's decision: it never counts towards a step.
  const chainDecisions = decisions.filter((d) => !isEmergencyApproval(d));
  for (const step of template.steps) {
    // A decision signed its step and role: under another chain (0167) only the same step in the same role counts it.
    const mine = chainDecisions.filter((d) => d.stepKey === step.key && d.role === step.role).sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
    // Why an approval does not count for the step (null: it does).
    const notStanding = (d: Decision): string | null => {
      const version = byNumber.get(d.versionNumber);
      if (!version) return 'its version is not among the package’s';
      // Kept from a chain the package left, on a step that did not cover what this one requires: it must be given again.
      if (!keptDecisionCounts(d, step, moves, template)) {
        const signedOn = templateSignedUnder(d, moves, template).steps.find((s) => s.key === d.stepKey && s.role === d.role);
        return `the chain moved to a step that answers for sections its step did not (${uncoveredSections(signedOn, step).join(', ')})`;
      }
      // Kept, and signed by someone this chain's segregation of duties would not have let sign it (0193 amendment).
      const conflict = keptSegregationConflict(d, decisions, moves, template, delegators);
      if (conflict !== null) return `the chain moved to one whose segregation of duties does not let it count: ${conflict}`;
      if (version.number === latest.number) return null;
      if (template.staleApprovals === 'every_change') return 'a later version was submitted, and this chain asks again on every change';
      return changedSince(version, latest, step.sections) ? "a later version changed this step's sections" : null;
    };
    const toApproval = (d: Decision) => ({ actor: d.actor, decidedAt: d.decidedAt, versionNumber: d.versionNumber, withConditions: d.decision === 'approve_with_conditions', reReviewOn: d.conditions?.reReviewOn ?? null });
    const approvals = mine.filter((d) => isApproval(d) && notStanding(d) === null);
    const distinct = [...new Map(approvals.map((d) => [d.actor.id, d])).values()];
    const stale = mine.flatMap((d) => {
      const reason = isApproval(d) ? notStanding(d) : null;
      return reason === null ? [] : [{ ...toApproval(d), staleReason: reason }];
    });
    const latestOnCurrent = mine.filter((d) => d.versionNumber === latest.number).at(-1);

    const base = {
      key: step.key,
      name: step.name,
      role: step.role,
      approvalsRequired: step.approvalsRequired,
      approvals: distinct.map(toApproval),
      staleApprovals: stale,
      reReviewDue: distinct.some((d) => d.conditions !== null && d.conditions.reReviewOn <= today),
    };

    if (blocked) {
      steps.push({ ...base, status: 'waiting', activatedAt: null, dueAt: null, overdue: false });
      continue;
    }
    if (distinct.length >= step.approvalsRequired) {
      const doneAt = distinct.map((d) => d.decidedAt).sort().at(-1) ?? previousDoneAt;
      steps.push({ ...base, status: 'approved', activatedAt: previousDoneAt, dueAt: null, overdue: false });
      previousDoneAt = doneAt > previousDoneAt ? doneAt : previousDoneAt;
      continue;
    }
    blocked = true;
    const activatedAt = previousDoneAt;
    const dueAt = new Date(Date.parse(activatedAt) + step.dueHours * hour).toISOString();
    if (latestOnCurrent?.decision === 'reject') {
      rejected = true;
      steps.push({ ...base, status: 'rejected', activatedAt, dueAt: null, overdue: false });
      continue;
    }
    const status = latestOnCurrent?.decision === 'request_clarification' ? 'clarification' : 'active';
    steps.push({ ...base, status, activatedAt, dueAt, overdue: now.getTime() > Date.parse(dueAt) });
  }

  const currentStep = steps.find((s) => s.status === 'active' || s.status === 'clarification') ?? null;
  const chainStatus = statusOf(steps, rejected);
  // Emergency approved: the latest version may be deployed while the chain, still pending, is its follow-up.
  // One signed under a chain the package left no longer does (0193 amendment): it stays on record.
  const emergency = (chainStatus === 'in_review' || chainStatus === 'clarification_requested') && decisions.some((d) => isEmergencyApproval(d) && d.versionNumber === latest.number && emergencyStands(d, moves, template));
  return { status: emergency ? 'emergency_approved' : chainStatus, steps, currentStep, reReviewDue: steps.some((s) => s.reReviewDue) };
}

function statusOf(steps: readonly StepState[], rejected: boolean): PackageStatus {
  if (rejected) return 'rejected';
  if (steps.some((s) => s.status === 'clarification')) return 'clarification_requested';
  if (steps.every((s) => s.status === 'approved')) {
    return steps.some((s) => s.approvals.some((a) => a.withConditions)) ? 'approved_with_conditions' : 'approved';
  }
  return 'in_review';
}
