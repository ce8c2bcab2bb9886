import type { PackageStatus, StepState, Turn } from '../contracts/packages.ts';
import type { ThreadKind, ThreadStatus } from '../contracts/threads.ts';

// Whose turn it is on a package: the one rule behind the banners, the decision panel and the
// inbox, computed by the server for every package it shows. A step paused by "Request
// clarification" waits on the model owner only while a clarification request on the version
// it paused is unanswered; once the owner has answered each (or a reviewer resolved it) the
// step is the reviewers' again, still paused in the record until they decide.

export interface ClarificationFacts {
  kind: ThreadKind;
  status: ThreadStatus;
  versionNumber: number;
}

/** The clarification requests on a version, or carried over to it, still waiting for the owner's answer. */
export function unansweredRequests<T extends ClarificationFacts>(threads: readonly T[], versionNumber: number): T[] {
  return threads.filter((t) => t.kind === 'clarification' && t.status === 'open' && t.versionNumber <= versionNumber);
}

export function whoseTurn(state: { status: PackageStatus; steps: readonly Pick<StepState, 'key' | 'status'>[] }, threads: readonly ClarificationFacts[], latestVersion: number): Turn {
  if (state.status === 'rejected') return { party: 'owner', stepKey: state.steps.find((s) => s.status === 'rejected')?.key ?? null, reason: 'rejected', unanswered: 0 };
  const current = state.steps.find((s) => s.status === 'active' || s.status === 'clarification');
  if (!current) return { party: 'nobody', stepKey: null, reason: 'decided', unanswered: 0 };
  if (current.status === 'active') return { party: 'reviewer', stepKey: current.key, reason: 'step_active', unanswered: 0 };
  const unanswered = unansweredRequests(threads, latestVersion).length;
  if (unanswered > 0) return { party: 'owner', stepKey: current.key, reason: 'clarification_asked', unanswered };
  return { party: 'reviewer', stepKey: current.key, reason: 'clarification_answered', unanswered: 0 };
}

/**
 * The due clock stops while the model owner holds the turn: the step that asked shows no due
 * date and is not overdue, so no list blames its reviewers for the owner's wait. (When the
 * turn comes back, the step's own due date applies again; the pause is not added to it.)
 */
export function pauseClockForOwner<S extends { steps: StepState[]; currentStep: StepState | null }>(state: S, turn: Turn): S {
  if (!ownerMustAnswer(turn)) return state;
  const paused = (step: StepState): StepState => (step.key === turn.stepKey ? { ...step, dueAt: null, overdue: false } : step);
  return { ...state, steps: state.steps.map(paused), currentStep: state.currentStep ? paused(state.currentStep) : null };
}

/** A step is paused on a question only the owner can answer. */
export function ownerMustAnswer(turn: Pick<Turn, 'party' | 'reason'>): boolean {
  return turn.party === 'owner' && turn.reason === 'clarification_asked';
}
