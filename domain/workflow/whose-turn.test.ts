import { describe, expect, it } from 'vitest';
import type { StepState, StepStatus } from '../contracts/packages.ts';
import type { ThreadStatus } from '../contracts/threads.ts';
import { clockPause, pauseClockForOwner, whoseTurn, type ClarificationFacts } from './whose-turn.ts';

const steps = (...statuses: StepStatus[]) => statuses.map((status, index) => ({ key: `s${index}`, status }));
const request = (status: ThreadStatus, versionNumber = 2): ClarificationFacts => ({ kind: 'clarification', status, versionNumber });

describe('whoseTurn', () => {
  it('is the reviewers’ of the active step', () => {
    expect(whoseTurn({ status: 'in_review', steps: steps('approved', 'active', 'waiting') }, [request('open')], 2)).toEqual({ party: 'reviewer', stepKey: 's1', reason: 'step_active', unanswered: 0 });
  });

  it('is the owner’s while a clarification request on the latest version is unanswered', () => {
    const paused = { status: 'clarification_requested' as const, steps: steps('approved', 'clarification', 'waiting') };
    expect(whoseTurn(paused, [request('open'), request('answered')], 2)).toEqual({ party: 'owner', stepKey: 's1', reason: 'clarification_asked', unanswered: 1 });
  });

  it('goes back to the paused step’s reviewers once every request is answered or resolved', () => {
    const paused = { status: 'clarification_requested' as const, steps: steps('approved', 'clarification', 'waiting') };
    const back = { party: 'reviewer', stepKey: 's1', reason: 'clarification_answered', unanswered: 0 };
    expect(whoseTurn(paused, [request('answered')], 2)).toEqual(back);
    expect(whoseTurn(paused, [request('resolved')], 2)).toEqual(back);
    // A comment is not a question for the owner.
    expect(whoseTurn(paused, [{ kind: 'comment', status: 'open', versionNumber: 2 }], 2)).toEqual(back);
  });

  it('waits on the owner for a request carried over from an earlier version and still unanswered (a reviewer followed up)', () => {
    const paused = { status: 'clarification_requested' as const, steps: steps('approved', 'clarification', 'waiting') };
    expect(whoseTurn(paused, [request('open', 1)], 2)).toMatchObject({ party: 'owner', reason: 'clarification_asked', unanswered: 1 });
  });

  it('is the owner’s after a rejection, and nobody’s once the chain is through', () => {
    expect(whoseTurn({ status: 'rejected', steps: steps('approved', 'rejected', 'waiting') }, [], 1)).toMatchObject({ party: 'owner', reason: 'rejected', stepKey: 's1' });
    expect(whoseTurn({ status: 'approved', steps: steps('approved', 'approved') }, [], 1)).toEqual({ party: 'nobody', stepKey: null, reason: 'decided', unanswered: 0 });
  });

  it('stops the due clock of the asking step while the owner must answer, and only then', () => {
    const step = (key: string, status: StepState['status']): StepState => ({ key, name: key, role: 'model_risk', approvalsRequired: 1, approvals: [], staleApprovals: [], reReviewDue: false, status, activatedAt: '2026-11-01T00:00:00.000Z', dueAt: '2026-11-04T00:00:00.000Z', overdue: true });
    const paused = step('s1', 'clarification');
    const state = { steps: [step('s0', 'approved'), paused], currentStep: paused };
    const owner = pauseClockForOwner(state, { party: 'owner', stepKey: 's1', reason: 'clarification_asked', unanswered: 1 });
    expect(owner.currentStep).toMatchObject({ dueAt: null, overdue: false });
    expect(owner.steps[1]).toMatchObject({ dueAt: null, overdue: false });
    expect(owner.steps[0]).toMatchObject({ overdue: true });
    expect(pauseClockForOwner(state, { party: 'reviewer', stepKey: 's1', reason: 'clarification_answered', unanswered: 0 })).toBe(state);
  });

  it('adds the time the owner held the turn to the step’s due date once it comes back', () => {
    const step = (key: string, status: StepState['status']): StepState => ({ key, name: key, role: 'model_risk', approvalsRequired: 1, approvals: [], staleApprovals: [], reReviewDue: false, status, activatedAt: '2026-11-01T00:00:00.000Z', dueAt: '2026-11-04T00:00:00.000Z', overdue: true });
    const paused = step('s1', 'clarification');
    const state = { steps: [step('s0', 'approved'), paused], currentStep: paused };
    const decisions = [
      { stepKey: 's1', decision: 'request_clarification', versionNumber: 2, decidedAt: '2026-11-02T00:00:00.000Z' },
      { stepKey: 's1', decision: 'request_clarification', versionNumber: 1, decidedAt: '2026-10-01T00:00:00.000Z' },
    ];
    const threads = [
      { kind: 'clarification' as const, status: 'answered' as const, versionNumber: 2, resolvedAt: null, lastMessageAt: '2026-11-05T00:00:00.000Z' },
      { kind: 'clarification' as const, status: 'resolved' as const, versionNumber: 2, resolvedAt: '2026-11-04T00:00:00.000Z' },
      // A comment's replies do not hold the clock.
      { kind: 'comment' as const, status: 'answered' as const, versionNumber: 2, resolvedAt: null, lastMessageAt: '2026-11-20T00:00:00.000Z' },
    ];
    const pause = clockPause(decisions, threads, 's1', 2);
    expect(pause).toEqual({ pausedAt: '2026-11-02T00:00:00.000Z', resumedAt: '2026-11-05T00:00:00.000Z' });
    const back = { party: 'reviewer' as const, stepKey: 's1', reason: 'clarification_answered' as const, unanswered: 0 };
    // Three days waited on the owner: due on the 7th, so not overdue on the 6th, overdue on the 8th.
    const onSixth = pauseClockForOwner(state, back, pause, new Date('2026-11-06T00:00:00.000Z'));
    expect(onSixth.currentStep).toMatchObject({ dueAt: '2026-11-07T00:00:00.000Z', overdue: false });
    expect(onSixth.steps[1]).toMatchObject({ dueAt: '2026-11-07T00:00:00.000Z', overdue: false });
    expect(onSixth.steps[0]).toMatchObject({ dueAt: '2026-11-04T00:00:00.000Z' });
    expect(pauseClockForOwner(state, back, pause, new Date('2026-11-08T00:00:00.000Z')).currentStep).toMatchObject({ overdue: true });
    // Never paused on this version: nothing to add.
    expect(clockPause(decisions, threads, 's0', 2)).toBeNull();
    expect(pauseClockForOwner(state, back, null, new Date('2026-11-06T00:00:00.000Z'))).toBe(state);
  });
});
