import type { Decision, EmergencyFollowUp } from '../contracts/decisions.ts';
import type { PackageStatus, StepState } from '../contracts/packages.ts';
import { roleLabels, type Role } from '../contracts/roles.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';

// The emergency approval path: who may use it, when, and where its follow-up review stands.
// An emergency approval is a signed decision outside the chain: it makes the latest version
// deployable now (status emergency_approved) but approves no step, so the normal chain goes
// on as its follow-up review. The server applies these rules and nothing else decides them.

/** The step key of an emergency approval: outside the template step-key alphabet, so no step can share it. */
export const emergencyStepKey = '@emergency';

export function isEmergencyApproval(decision: Pick<Decision, 'decision'>): boolean {
  return decision.decision === 'emergency_approve';
}

/** The viewer's roles that may sign an emergency approval under the template (none: the path is closed to them). */
export function emergencyRolesHeld(allowed: readonly Role[] | undefined, roles: readonly Role[]): Role[] {
  return (allowed ?? []).filter((role) => roles.includes(role));
}

export interface EmergencyAttempt {
  template: Pick<WorkflowTemplate, 'key' | 'version' | 'name' | 'emergencyRoles'>;
  /** The package status as derived before this decision. */
  status: PackageStatus;
  decisions: readonly Pick<Decision, 'decision' | 'versionNumber' | 'actor' | 'decidedAt'>[];
  latestVersion: number;
  /** The version the signer approves. */
  versionNumber: number;
  /** The signer's own roles: a delegation of a role does not open the emergency path. */
  signer: { id: string; roles: readonly Role[] };
  /** The role the signer signs in. */
  role: Role;
  ownerId: string;
  /** Who submitted the version approved. */
  submittedBy: string;
}

/** forbidden: not this person (403); conflict: not now (409). */
export interface EmergencyRefusal {
  kind: 'forbidden' | 'conflict';
  message: string;
}

const approvedStatuses: readonly PackageStatus[] = ['approved', 'approved_with_conditions'];

/** Why this emergency approval may not be signed, or null if it may. */
export function emergencyRefusal(attempt: EmergencyAttempt): EmergencyRefusal | null {
  const { template } = attempt;
  const allowed = template.emergencyRoles ?? [];
  const under = `template ${template.key} v${template.version} (${template.name})`;
  if (allowed.length === 0) return { kind: 'forbidden', message: `Under ${under} no role may use the emergency approval path.` };
  if (!allowed.includes(attempt.role) || !attempt.signer.roles.includes(attempt.role)) {
    const needed = allowed.map((role) => roleLabels[role]).join(' or ');
    const held = emergencyRolesHeld(allowed, attempt.signer.roles);
    const tail = held.length > 0 ? `; sign it in that role (${roleLabels[held[0] ?? attempt.role]}), not as ${roleLabels[attempt.role]}.` : ', which you do not hold.';
    return { kind: 'forbidden', message: `An emergency approval needs the ${needed} role under ${under}${tail}` };
  }
  if (attempt.signer.id === attempt.ownerId || attempt.signer.id === attempt.submittedBy) {
    return { kind: 'forbidden', message: 'You submitted or own this package: segregation of duties forbids approving it, in an emergency too.' };
  }
  if (attempt.versionNumber !== attempt.latestVersion) {
    return { kind: 'conflict', message: `Version ${attempt.versionNumber} has been superseded by version ${attempt.latestVersion}: only the latest version can be emergency approved.` };
  }
  const earlier = attempt.decisions.find((d) => isEmergencyApproval(d) && d.versionNumber === attempt.versionNumber);
  if (earlier) {
    return {
      kind: 'conflict',
      message: `Version ${attempt.versionNumber} already has an emergency approval (by ${earlier.actor.displayName} on ${earlier.decidedAt.slice(0, 10)}): at most one stands per version.`,
    };
  }
  if (approvedStatuses.includes(attempt.status)) return { kind: 'conflict', message: 'The package is already approved through its review chain: there is nothing to approve in an emergency.' };
  if (attempt.status === 'rejected') {
    return { kind: 'conflict', message: `Version ${attempt.latestVersion} was rejected: an emergency approval cannot override a rejection; the owner must submit a new version.` };
  }
  return null;
}

export interface ChainOutcome {
  status: PackageStatus;
  steps: readonly Pick<StepState, 'approvals'>[];
}

/**
 * Where the follow-up review of one emergency approval stands. It ends in rejection at the
 * first rejection after it (that ends the round, and with it the emergency's standing), and
 * is completed when the chain fully approves the latest version (the same or a later one):
 * at the last approval that completed it.
 */
export function emergencyFollowUp(emergency: Pick<Decision, 'decidedAt'>, decisions: readonly Pick<Decision, 'decision' | 'decidedAt'>[], chain: ChainOutcome): EmergencyFollowUp {
  const rejection = decisions
    .filter((d) => d.decision === 'reject' && d.decidedAt > emergency.decidedAt)
    .map((d) => d.decidedAt)
    .sort()
    .at(0);
  if (rejection !== undefined) return { state: 'rejected', at: rejection };
  if (!approvedStatuses.includes(chain.status)) return { state: 'open', at: null };
  const last = chain.steps.flatMap((step) => step.approvals.map((approval) => approval.decidedAt)).sort().at(-1);
  return { state: 'completed', at: last !== undefined && last > emergency.decidedAt ? last : emergency.decidedAt };
}

/** Every emergency approval of a package, oldest first, with its follow-up. */
export function emergencyApprovals<D extends Decision>(decisions: readonly D[], chain: ChainOutcome): { decision: D & { emergency: NonNullable<Decision['emergency']> }; followUp: EmergencyFollowUp }[] {
  return decisions
    .filter((d): d is D & { emergency: NonNullable<Decision['emergency']> } => isEmergencyApproval(d) && d.emergency !== undefined)
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
    .map((decision) => ({ decision, followUp: emergencyFollowUp(decision, decisions, chain) }));
}
