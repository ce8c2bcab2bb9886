import { describe, expect, it } from 'vitest';
import type { PackageStatus, StepState, StepStatus } from '../contracts/packages.ts';
import type { Role } from '../contracts/roles.ts';
import { describeNextAction, nextAction } from './next-action.ts';
import { whoseTurn } from './whose-turn.ts';

const step = (key: string, role: Role, status: StepStatus, approvers: string[] = []): StepState => ({
  key,
  name: `${key} review`,
  role,
  approvalsRequired: 1,
  status,
  approvals: approvers.map((id) => ({ actor: { id, displayName: id, title: '' }, decidedAt: '2026-01-01T00:00:00.000Z', versionNumber: 1, withConditions: false, reReviewOn: null })),
  staleApprovals: [],
  activatedAt: null,
  dueAt: null,
  overdue: false,
  reReviewDue: false,
});

const unanswered = (n: number) => Array.from({ length: n }, () => ({ kind: 'clarification' as const, status: 'open' as const, versionNumber: 1 }));
const pkg = (status: PackageStatus, steps: StepState[], openClarifications = 0) => ({ status, steps, openClarifications, turn: whoseTurn({ status, steps }, unanswered(openClarifications), 1) });
const chain = (dg: StepStatus, mrm: StepStatus, fl: StepStatus, approvers: string[][] = [[], [], []]) =>
  [step('dg', 'data_governance', dg, approvers[0]), step('mrm', 'model_risk', mrm, approvers[1]), step('fl', 'fair_lending', fl, approvers[2])];

const viewer = (id: string, ...roles: Role[]) => ({ id, roles });

describe('nextAction', () => {
  it('asks the reviewer whose step is active to decide', () => {
    const action = nextAction(pkg('in_review', chain('approved', 'active', 'waiting')), viewer('elena', 'model_risk'));
    expect(action).toMatchObject({ kind: 'decide', step: { key: 'mrm' } });
    expect(describeNextAction(action)).toBe('Your step, mrm review, is active: review every section, then decide.');
  });

  it('tells the reviewer who set the tier that they may reject or ask but not approve (0174)', () => {
    const action = nextAction({ ...pkg('in_review', chain('approved', 'active', 'waiting')), tierSetBy: ['elena'] }, viewer('elena', 'model_risk'));
    expect(action).toMatchObject({ kind: 'decide', step: { key: 'mrm' }, tierSetter: true });
    expect(describeNextAction(action)).toBe("Your step, mrm review, is active, but you set this package's risk tier: segregation of duties leaves its approval to another model risk management reviewer. You can still reject it or request clarification.");
    expect(nextAction({ ...pkg('in_review', chain('approved', 'active', 'waiting')), tierSetBy: ['tomas'] }, viewer('elena', 'model_risk'))).not.toHaveProperty('tierSetter');
  });

  it('tells a later reviewer whom they are waiting for', () => {
    const action = nextAction(pkg('in_review', chain('active', 'waiting', 'waiting')), viewer('dana', 'fair_lending'));
    expect(action).toMatchObject({ kind: 'wait', reason: 'earlier_step', waitingFor: { key: 'dg' } });
    expect(describeNextAction(action)).toBe('Nothing to do yet: waiting for data governance (dg review) before your step.');
  });

  it('leaves the next step to another reviewer when the viewer approved an earlier one (unless the template relaxes it)', () => {
    const twoRoles = viewer('kai', 'data_governance', 'model_risk');
    const steps = chain('approved', 'active', 'waiting', [['kai'], [], []]);
    const action = nextAction(pkg('in_review', steps), twoRoles);
    expect(action).toMatchObject({ kind: 'wait', reason: 'one_step_each', waitingFor: { key: 'mrm' } });
    expect(describeNextAction(action)).toBe('You approved another step of this package: segregation of duties leaves mrm review to another model risk management reviewer.');
    expect(nextAction({ ...pkg('in_review', steps), template: { allowSameDeciderAcrossSteps: true } }, twoRoles)).toMatchObject({ kind: 'decide', step: { key: 'mrm' } });
  });

  it('tells a reviewer whose step is approved that nothing is left', () => {
    expect(nextAction(pkg('in_review', chain('approved', 'active', 'waiting')), viewer('marcus', 'data_governance'))).toEqual({ kind: 'done', reason: 'my_step_approved' });
  });

  it('waits for other approvals once the viewer approved a step needing several', () => {
    const steps = chain('approved', 'active', 'waiting', [['m'], ['elena'], []]);
    expect(nextAction(pkg('in_review', steps), viewer('elena', 'model_risk'))).toMatchObject({ kind: 'wait', reason: 'other_approvals' });
  });

  it('pauses reviewers while a clarification is open, and asks the owner to answer', () => {
    const steps = chain('approved', 'clarification', 'waiting');
    expect(nextAction(pkg('clarification_requested', steps, 2), viewer('elena', 'model_risk'))).toMatchObject({ kind: 'wait', reason: 'clarification' });
    const owner = nextAction(pkg('clarification_requested', steps, 2), viewer('priya', 'model_owner'));
    expect(owner).toEqual({ kind: 'answer', openClarifications: 2 });
    expect(describeNextAction(owner)).toBe('Reviewers asked for 2 clarifications: answer each in its thread.');
  });

  it('reopens the paused step for its reviewers once the owner has answered, and says whose turn it is to everyone', () => {
    const steps = chain('approved', 'clarification', 'waiting');
    const answered = pkg('clarification_requested', steps, 0);
    expect(answered.turn).toEqual({ party: 'reviewer', stepKey: 'mrm', reason: 'clarification_answered', unanswered: 0 });
    const reviewer = nextAction(answered, viewer('elena', 'model_risk'));
    expect(reviewer).toMatchObject({ kind: 'decide', step: { key: 'mrm' }, reopened: true });
    expect(describeNextAction(reviewer)).toBe('The model owner answered: your step, mrm review, is open again. Read the answers, resolve the requests you are satisfied with, then decide.');
    const owner = nextAction(answered, viewer('priya', 'model_owner'));
    expect(owner).toMatchObject({ kind: 'wait', reason: 'answered', waitingFor: { key: 'mrm' } });
    expect(describeNextAction(owner)).toBe('The model owner answered the clarification requests: waiting for model risk management (mrm review) to decide.');
    expect(nextAction(answered, viewer('dana', 'fair_lending'))).toMatchObject({ kind: 'wait', reason: 'earlier_step', waitingFor: { key: 'mrm' } });
  });

  it('asks the owner to resubmit a rejected package, and tells reviewers nothing is left', () => {
    const steps = chain('approved', 'approved', 'rejected');
    expect(nextAction(pkg('rejected', steps), viewer('priya', 'model_owner'))).toEqual({ kind: 'resubmit' });
    expect(nextAction(pkg('rejected', steps), viewer('elena', 'model_risk'))).toEqual({ kind: 'done', reason: 'rejected' });
  });

  it('tells the owner whom the package is waiting for', () => {
    const action = nextAction(pkg('in_review', chain('approved', 'active', 'waiting')), viewer('priya', 'model_owner'));
    expect(describeNextAction(action)).toBe('Waiting for model risk management (mrm review).');
  });

  it('says so when no step is for the viewer’s roles, and when the package is approved', () => {
    expect(nextAction(pkg('in_review', chain('active', 'waiting', 'waiting')), viewer('sam', 'privacy'))).toEqual({ kind: 'none' });
    expect(nextAction(pkg('approved', chain('approved', 'approved', 'approved')), viewer('dana', 'fair_lending'))).toEqual({ kind: 'done', reason: 'approved' });
  });
});
