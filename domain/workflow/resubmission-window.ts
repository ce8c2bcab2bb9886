import type { PackageStatus, StepState } from '../contracts/packages.ts';

/**
 * Whether the owner may submit a new version now: after a rejection, or while a reviewer
 * waits for a clarification. Under an emergency approval the chain goes on as the follow-up
 * review, so a clarification asked there opens the window too.
 */
export function resubmissionOpen(status: PackageStatus, steps: readonly Pick<StepState, 'status'>[]): boolean {
  if (status === 'rejected' || status === 'clarification_requested') return true;
  return status === 'emergency_approved' && steps.some((step) => step.status === 'clarification');
}
