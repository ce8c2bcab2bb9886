import { describe, expect, it } from 'vitest';
import type { StepState, StepStatus } from '../contracts/packages.ts';
import type { ThreadStatus } from '../contracts/threads.ts';
import { pauseClockForOwner, whoseTurn, type ClarificationFacts } from './whose-turn.ts';

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
});
