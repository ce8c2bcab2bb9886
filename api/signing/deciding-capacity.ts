import { type Role, roleInProse } from '#domain/contracts/roles.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { actingCapacity, type DelegationFacts } from '#domain/workflow/delegation.ts';
import { stepNotActionable } from '#domain/workflow/step-gate.ts';
import { emergencyRefusal, emergencyStepKey, isEmergencyApproval } from '#domain/workflow/emergency.ts';
import { emergencyStands } from '#domain/workflow/kept-decisions.ts';
import { segregationRefusal, type Decider } from '#domain/workflow/segregation-of-duties.ts';
import { assessorApprovalRefusal, setTheTier } from '#domain/policy/tier-setters.ts';
import { problems } from '../kernel/problems.ts';
import { tierSetters } from '../package-access/applied-assessment.ts';
import { DeniedError } from '../denials/denials.ts';
import { decidedByReader } from '../package-access/decided-by.ts';
import { usersById, type WorkflowFacts, type workflowStateOf } from '../package-access/views.ts';
import type { StoredPackage, StoredUser, StoredVersion, StoreTx } from '../store/store.ts';

// In which capacity the signer decides: the step they act on (as its role's holder or as a
// delegate), or the emergency path, within segregation of duties across the chain
// (domain/workflow/segregation-of-duties.ts). Denials are thrown as DeniedError: the pipeline
// audits them once the signing transaction has rolled back.

export interface DecidingCapacity {
  key: string;
  role: Role;
  delegation: DelegationFacts | null;
}

interface CapacityInput {
  facts: WorkflowFacts;
  state: ReturnType<typeof workflowStateOf>['state'];
  payload: SigningPayload;
  user: StoredUser;
  pkg: StoredPackage;
  version: StoredVersion;
  latestNumber: number;
  now: Date;
}

export async function decidingCapacity(tx: StoreTx, { facts, state, payload, user, pkg, version, latestNumber, now }: CapacityInput): Promise<DecidingCapacity> {
  if (payload.decision === 'emergency_approve') {
    // The emergency path's rules (domain/workflow/emergency.ts), applied here and nowhere else:
    // the signer's own emergency role, not the owner, the latest version, once, not after a decision.
    // One per version stands: one signed under a chain the package left no longer does (0193 amendment), so the chain in force's may be signed.
    const standing = facts.decisions.filter((d) => !isEmergencyApproval(d) || emergencyStands(d, facts.chainMoves, facts.template));
    const refusal = emergencyRefusal({ template: facts.template, status: state.status, decisions: standing, latestVersion: latestNumber, versionNumber: payload.versionNumber, signer: user, role: payload.role, ownerId: pkg.ownerId, submittedBy: version.submittedBy });
    if (refusal?.kind === 'forbidden') throw new DeniedError(problems.forbidden(refusal.message), `emergency approval refused: ${refusal.message}`);
    if (refusal) throw problems.conflict(refusal.message);
    await assertSegregation(tx, facts, { stepKey: emergencyStepKey, versionNumber: payload.versionNumber, signerId: user.id, signerRoles: user.roles, delegatorId: null });
    return { key: emergencyStepKey, role: payload.role, delegation: null };
  }
  const step = state.steps.find((s) => s.key === payload.stepKey);
  if (!step) throw problems.validation([{ pointer: '/payload/stepKey', message: `This package's workflow has no step "${payload.stepKey}"` }]);
  // A holder of the step's role signs as themselves; a delegate only within an active delegation.
  const capacity = step.role === payload.role ? actingCapacity(user, step.role, await tx.listDelegations(), now) : null;
  if (!capacity) {
    throw new DeniedError(problems.forbidden(`${step.name} is decided by the ${roleInProse(step.role)} role, which you do not hold and no active delegation gives you.`), `signer lacks the ${step.role} role of step ${step.key}`);
  }
  const delegation = capacity.kind === 'delegate' ? capacity.delegation : null;
  // What the signer signed about the capacity must be the capacity: a delegate's payload
  // names this delegation and its delegator, a holder's names none (docs/decisions/0082, 0102).
  const claimed = payload.onBehalfOf;
  // Required of a delegate (issue 17): whose place they take rests on their own signature,
  // not on the server's statement alone.
  if (!claimed && delegation) {
    throw problems.validation([{ pointer: '/payload/onBehalfOf', message: `You act for ${delegation.delegatorId} under delegation ${delegation.id}: sign with onBehalfOf naming that delegation and its delegator.` }]);
  }
  if (claimed && !delegation) throw problems.validation([{ pointer: '/payload/onBehalfOf', message: `You hold the ${roleInProse(step.role)} role yourself: sign without onBehalfOf.` }]);
  if (claimed && delegation && (claimed.delegationId !== delegation.id || claimed.delegator.id !== delegation.delegatorId)) {
    throw problems.validation([{ pointer: '/payload/onBehalfOf', message: `You sign as delegate under delegation ${delegation.id} from ${delegation.delegatorId}, not ${claimed.delegationId} from ${claimed.delegator.id}.` }]);
  }
  if (user.id === pkg.ownerId || user.id === version.submittedBy) {
    throw new DeniedError(problems.forbidden('You submitted or own this package: segregation of duties forbids deciding on it.'), 'segregation of duties: signer owns or submitted the package');
  }
  // Gating is the workflow's rule (domain/workflow/step-gate.ts), applied here and nowhere else.
  const notActionable = stepNotActionable(state, step);
  if (notActionable) throw problems.conflict(notActionable);
  if (step.approvals.some((approval) => approval.actor.id === user.id && approval.versionNumber === payload.versionNumber)) {
    throw problems.conflict(`You have already approved ${step.name} on version ${payload.versionNumber}.`);
  }
  // The delegate acts in the delegator's place, not beside them; one person, one step of the chain.
  await assertSegregation(tx, facts, { stepKey: step.key, versionNumber: payload.versionNumber, signerId: user.id, signerRoles: user.roles, delegatorId: delegation?.delegatorId ?? null });
  return { key: step.key, role: step.role, delegation };
}

/** Segregation of duties across the chain, against every decision on the package and on whose behalf it was signed. */
async function assertSegregation(tx: StoreTx, facts: WorkflowFacts, decider: Decider): Promise<void> {
  const decided = facts.decisions.map(await decidedByReader(tx, facts.decisions));
  const users = await usersById(tx);
  const refusal = segregationRefusal(facts.template, decider, decided, (id) => users.get(id)?.displayName ?? id);
  if (refusal) throw new DeniedError(problems.forbidden(refusal), `segregation of duties: ${refusal}`);
}

/**
 * Whoever set the tier in effect chose the chain; they (or a delegate signing for them) do not
 * approve through it (docs/decisions/0174). Read under the package lock an assessment also takes.
 */
export async function assertNotTierSetter(tx: StoreTx, pkg: StoredPackage, decider: { signerId: string; delegatorId: string | null }): Promise<void> {
  if (!setTheTier(await tierSetters(tx, pkg.id), decider)) return;
  throw new DeniedError(problems.assessorCannotApprove(assessorApprovalRefusal), 'segregation of duties: the signer set the risk tier in effect');
}
