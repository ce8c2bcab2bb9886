import type { StepState } from '../contracts/packages.ts';
import type { WorkflowState } from './derive-state.ts';

/**
 * Why no decision may be made on a step now, or null if one may: only the active step (or
 * the one paused for a clarification) can be decided. The server refuses with this sentence
 * (409); it names the step that holds things up, so a later reviewer learns whose turn it is.
 * Who may act on the step (role, delegation, segregation of duties) is checked elsewhere.
 */
export function stepNotActionable(state: Pick<WorkflowState, 'currentStep'>, step: StepState): string | null {
  if (step.status === 'active' || step.status === 'clarification') return null;
  const blocking = state.currentStep;
  if (step.status === 'waiting' && blocking) return `${step.name} is not active yet: waiting for ${blocking.name}.`;
  if (step.status === 'waiting') return `${step.name} is not active yet: an earlier step was rejected; the owner must submit a new version first.`;
  return `${step.name} is ${step.status === 'approved' ? 'already approved' : step.status}: there is nothing to decide on it now.`;
}
