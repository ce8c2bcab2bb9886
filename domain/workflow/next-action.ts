import type { PackageDetail, StepState } from '../contracts/packages.ts';
import { type Role, roleInProse } from '../contracts/roles.ts';

// What the person looking at a package may do about it now, and if nothing, why: the
// sentence at the top of the package page ("Waiting for data governance"). Derived from
// the workflow state the server computed, never decided here.

export type NextAction =
  /**
   * The viewer's step is active (or `reopened`: the owner answered what it paused for) and still needs their approval: review and
   * decide. `tierSetter`: the viewer set the package's risk tier, so they may reject or ask, not approve (docs/decisions/0174).
   */
  | { kind: 'decide'; step: StepState; reopened?: true; tierSetter?: true }
  /** The owner has clarification requests to answer. */
  | { kind: 'answer'; openClarifications: number }
  /** The owner's package was rejected: revise and resubmit. */
  | { kind: 'resubmit' }
  /**
   * Nothing for the viewer to do yet; `waitingFor` is the step that holds things up (`one_step_each`: by someone else, as the
   * viewer approved another step; `answered`: the owner answered its clarification requests and its reviewers decide next).
   */
  | { kind: 'wait'; waitingFor: StepState; reason: 'earlier_step' | 'clarification' | 'answered' | 'other_approvals' | 'not_my_step' | 'one_step_each' }
  /** The viewer already approved their step (or it is done); nothing more to do. */
  | { kind: 'done'; reason: 'approved' | 'my_step_approved' | 'rejected' }
  /** No step of this package's workflow is for any of the viewer's roles. */
  | { kind: 'none' };

export interface Viewer {
  id: string;
  roles: readonly Role[];
}

type Pkg = Pick<PackageDetail, 'status' | 'steps' | 'openClarifications' | 'turn'> & { template?: Pick<PackageDetail['template'], 'allowSameDeciderAcrossSteps'>; tierSetBy?: readonly string[] };

function blockingStep(steps: readonly StepState[]): StepState | undefined {
  return steps.find((step) => step.status === 'active' || step.status === 'clarification' || step.status === 'rejected');
}

function ownerAction(pkg: Pkg): NextAction {
  if (pkg.status === 'rejected') return { kind: 'resubmit' };
  if (pkg.openClarifications > 0) return { kind: 'answer', openClarifications: pkg.openClarifications };
  const blocking = blockingStep(pkg.steps);
  if (pkg.status === 'approved' || pkg.status === 'approved_with_conditions' || !blocking) return { kind: 'done', reason: 'approved' };
  if (blocking.status !== 'clarification') return { kind: 'wait', waitingFor: blocking, reason: 'not_my_step' };
  return { kind: 'wait', waitingFor: blocking, reason: pkg.turn.party === 'owner' ? 'clarification' : 'answered' };
}

function reviewerAction(pkg: Pkg, viewer: Viewer): NextAction {
  const mine = pkg.steps.filter((step) => viewer.roles.includes(step.role));
  if (mine.length === 0) return { kind: 'none' };
  if (pkg.status === 'approved' || pkg.status === 'approved_with_conditions') return { kind: 'done', reason: 'approved' };
  if (pkg.status === 'rejected') return { kind: 'done', reason: 'rejected' };
  const blocking = blockingStep(pkg.steps);
  if (!blocking) return { kind: 'done', reason: 'approved' };
  const hasApproved = (step: StepState) => step.approvals.some((approval) => approval.actor.id === viewer.id);
  // Whose turn (whose-turn.ts): a step paused for a clarification is its reviewers' again once the owner has answered.
  const ownersTurn = blocking.status === 'clarification' && pkg.turn.party === 'owner';
  if (blocking.status !== 'rejected' && !ownersTurn && viewer.roles.includes(blocking.role)) {
    if (hasApproved(blocking)) return { kind: 'wait', waitingFor: blocking, reason: 'other_approvals' };
    // Segregation of duties (segregation-of-duties.ts, which the server applies in full): one step each.
    const approvedElsewhere = pkg.steps.some((step) => step !== blocking && (hasApproved(step) || step.staleApprovals.some((approval) => approval.actor.id === viewer.id)));
    if (approvedElsewhere && !pkg.template?.allowSameDeciderAcrossSteps) return { kind: 'wait', waitingFor: blocking, reason: 'one_step_each' };
    const tierSetter = pkg.tierSetBy?.includes(viewer.id) ? { tierSetter: true as const } : {};
    return blocking.status === 'clarification' ? { kind: 'decide', step: blocking, reopened: true, ...tierSetter } : { kind: 'decide', step: blocking, ...tierSetter };
  }
  if (ownersTurn) return { kind: 'wait', waitingFor: blocking, reason: 'clarification' };
  const blockingIndex = pkg.steps.indexOf(blocking);
  const later = mine.some((step) => pkg.steps.indexOf(step) > blockingIndex);
  if (later) return { kind: 'wait', waitingFor: blocking, reason: 'earlier_step' };
  return { kind: 'done', reason: 'my_step_approved' };
}

/** The viewer's next action on the package: owners answer and resubmit, reviewers decide. */
export function nextAction(pkg: Pkg, viewer: Viewer): NextAction {
  if (viewer.roles.includes('model_owner')) return ownerAction(pkg);
  return reviewerAction(pkg, viewer);
}

const waitText: Record<Extract<NextAction, { kind: 'wait' }>['reason'], (who: string, step: string) => string> = {
  earlier_step: (who, step) => `Nothing to do yet: waiting for ${who} (${step}) before your step.`,
  clarification: (_who, step) => `Paused: ${step} is waiting for the model owner to answer a clarification request.`,
  answered: (who, step) => `The model owner answered the clarification requests: waiting for ${who} (${step}) to decide.`,
  other_approvals: (_who, step) => `You approved ${step}; waiting for its other approvals.`,
  not_my_step: (who, step) => `Waiting for ${who} (${step}).`,
  one_step_each: (who, step) => `You approved another step of this package: segregation of duties leaves ${step} to another ${who} reviewer.`,
};

const doneText: Record<Extract<NextAction, { kind: 'done' }>['reason'], string> = {
  approved: 'Approved: nothing more to do on this package.',
  rejected: 'Rejected: nothing to do until the model owner submits a new version.',
  my_step_approved: 'Your step is approved: nothing more to do on this package.',
};

/** The action as one sentence, for the banner at the top of the package. */
export function describeNextAction(action: NextAction): string {
  switch (action.kind) {
    case 'decide':
      if (action.tierSetter) return `Your step, ${action.step.name}, is active, but you set this package's risk tier: segregation of duties leaves its approval to another ${roleInProse(action.step.role)} reviewer. You can still reject it or request clarification.`;
      return action.reopened
        ? `The model owner answered: your step, ${action.step.name}, is open again. Read the answers, resolve the requests you are satisfied with, then decide.`
        : `Your step, ${action.step.name}, is active: review every section, then decide.`;
    case 'answer':
      return action.openClarifications === 1
        ? 'A reviewer asked for a clarification: answer it in its thread.'
        : `Reviewers asked for ${action.openClarifications} clarifications: answer each in its thread.`;
    case 'resubmit':
      return 'This version was rejected: revise the package and submit a new version.';
    case 'wait':
      return waitText[action.reason](roleInProse(action.waitingFor.role), action.waitingFor.name);
    case 'done':
      return doneText[action.reason];
    case 'none':
      return 'No step of this package’s workflow is for your role: you can read it but not decide.';
  }
}
