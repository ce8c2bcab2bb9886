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

/** When a step's clock stopped (its clarification request was signed) and when the owner gave the turn back. */
export interface ClockPause {
  pausedAt: string;
  resumedAt: string;
}

export interface PauseFacts extends ClarificationFacts {
  resolvedAt: string | null;
  /** When the thread's latest message was written: for an answered request, the answer. */
  lastMessageAt?: string | null | undefined;
}

/**
 * The pause of a step whose reviewers have the turn back after a clarification: from the
 * latest "Request clarification" signed on it for `latestVersion`, to the latest answer or
 * resolution of a request after that. Null when the step was never paused on this version.
 */
export function clockPause(
  decisions: readonly { stepKey: string; decision: string; versionNumber: number; decidedAt: string }[],
  threads: readonly PauseFacts[],
  stepKey: string,
  latestVersion: number,
): ClockPause | null {
  const request = decisions.filter((d) => d.stepKey === stepKey && d.decision === 'request_clarification' && d.versionNumber === latestVersion).at(-1);
  if (!request) return null;
  let resumedAt = request.decidedAt;
  for (const thread of threads) {
    if (thread.kind !== 'clarification' || thread.versionNumber > latestVersion || thread.status === 'open') continue;
    const end = thread.status === 'resolved' ? thread.resolvedAt : (thread.lastMessageAt ?? null);
    if (end && end > resumedAt) resumedAt = end;
  }
  return { pausedAt: request.decidedAt, resumedAt };
}

/**
 * The due clock stops while the model owner holds the turn: the step that asked shows no due
 * date and is not overdue, so no list blames its reviewers for the owner's wait. When the
 * turn comes back (`pause` given), the time it waited is added to the step's due date, and
 * overdue is judged against that, wherever the step is shown (inbox, dashboard, package).
 */
export function pauseClockForOwner<S extends { steps: StepState[]; currentStep: StepState | null }>(state: S, turn: Turn, pause: ClockPause | null = null, now: Date = new Date()): S {
  if (ownerMustAnswer(turn)) {
    const paused = (step: StepState): StepState => (step.key === turn.stepKey ? { ...step, dueAt: null, overdue: false } : step);
    return { ...state, steps: state.steps.map(paused), currentStep: state.currentStep ? paused(state.currentStep) : null };
  }
  if (turn.reason !== 'clarification_answered' || !pause) return state;
  const waited = Date.parse(pause.resumedAt) - Date.parse(pause.pausedAt);
  if (!(waited > 0)) return state;
  const resumed = (step: StepState): StepState => {
    if (step.key !== turn.stepKey || step.dueAt === null) return step;
    const due = Date.parse(step.dueAt) + waited;
    return { ...step, dueAt: new Date(due).toISOString(), overdue: now.getTime() > due };
  };
  return { ...state, steps: state.steps.map(resumed), currentStep: state.currentStep ? resumed(state.currentStep) : null };
}

/** A step is paused on a question only the owner can answer. */
export function ownerMustAnswer(turn: Pick<Turn, 'party' | 'reason'>): boolean {
  return turn.party === 'owner' && turn.reason === 'clarification_asked';
}
