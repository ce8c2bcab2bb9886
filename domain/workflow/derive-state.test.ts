import { describe, expect, it } from 'vitest';
import type { Decision, DecisionKind } from '../contracts/decisions.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import { dataGovernanceStep, modelRiskStep, testChain } from './test-chain.fixture.ts';

// Model risk needs two approvals here, to test a step that is partly approved.
const template = testChain({ steps: [dataGovernanceStep, { ...modelRiskStep, approvalsRequired: 2 }] });

const v = (number: number, day: number, digests: Record<string, string>): VersionFacts => ({ number, submittedAt: `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`, sectionDigests: digests });

let n = 0;
function decide(step: string, decision: DecisionKind, versionNumber: number, day: number, actor = `u${n++}`): Decision {
  return {
    id: `d${n++}`,
    packageId: 'p',
    versionNumber,
    stepKey: step,
    role: step === 'dg' ? 'data_governance' : 'model_risk',
    decision,
    meaning: decision,
    reason: 'r',
    conditions: null,
    concerns: [],
    actor: { id: actor, displayName: actor, title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt: `2026-01-${String(day).padStart(2, '0')}T12:00:00.000Z`,
  };
}

describe('deriveWorkflowState', () => {
  const v1 = v(1, 1, { data: 'd1', metrics: 'm1' });

  it('gates steps: only the first unapproved step is active, later ones wait', () => {
    const state = deriveWorkflowState(template, [v1], [], new Date('2026-01-01T10:00:00Z'));
    expect(state.steps.map((s) => s.status)).toEqual(['active', 'waiting']);
    expect(state.currentStep?.dueAt).toBe('2026-01-02T09:00:00.000Z');
    expect(state.status).toBe('in_review');
  });

  it('needs the required number of distinct approvers', () => {
    const decisions = [decide('dg', 'approve', 1, 2), decide('mrm', 'approve', 1, 3, 'x'), decide('mrm', 'approve', 1, 3, 'x')];
    const state = deriveWorkflowState(template, [v1], decisions, new Date('2026-01-04T00:00:00Z'));
    expect(state.steps.map((s) => s.status)).toEqual(['approved', 'active']);
    expect(state.steps[1]?.activatedAt).toBe('2026-01-02T12:00:00.000Z');
  });

  it('counts a decision only for the step of its key in the role it signed (a chain moved to another tier, 0167)', () => {
    const other = testChain({ steps: [{ ...dataGovernanceStep, role: 'privacy' }, { ...modelRiskStep, approvalsRequired: 2 }] });
    const decisions = [decide('dg', 'approve', 1, 2)];
    expect(deriveWorkflowState(template, [v1], decisions, new Date('2026-01-03T00:00:00Z')).steps[0]?.status).toBe('approved');
    expect(deriveWorkflowState(other, [v1], decisions, new Date('2026-01-03T00:00:00Z')).steps[0]).toMatchObject({ status: 'active', approvals: [] });
  });

  it('approves the package when every step has its approvals, noting conditions', () => {
    const decisions = [decide('dg', 'approve', 1, 2), decide('mrm', 'approve', 1, 3), decide('mrm', 'approve_with_conditions', 1, 4)];
    expect(deriveWorkflowState(template, [v1], decisions, new Date('2026-01-05T00:00:00Z')).status).toBe('approved_with_conditions');
  });

  it('a rejection ends the round; a new version changing only metrics keeps the data approval', () => {
    const decisions = [decide('dg', 'approve', 1, 2), decide('mrm', 'reject', 1, 3)];
    expect(deriveWorkflowState(template, [v1], decisions, new Date('2026-01-04T00:00:00Z')).status).toBe('rejected');
    const v2 = v(2, 5, { data: 'd1', metrics: 'm2' });
    const after = deriveWorkflowState(template, [v1, v2], decisions, new Date('2026-01-05T10:00:00Z'));
    expect(after.status).toBe('in_review');
    expect(after.steps.map((s) => s.status)).toEqual(['approved', 'active']);
  });

  it('an approval goes stale when a responsible section changes, or on any change if the template says so', () => {
    const decisions = [decide('dg', 'approve', 1, 2)];
    const v2 = v(2, 5, { data: 'd2', metrics: 'm1' });
    const stale = deriveWorkflowState(template, [v1, v2], decisions, new Date('2026-01-05T10:00:00Z'));
    expect(stale.steps[0]).toMatchObject({ status: 'active', approvals: [], staleApprovals: [{ versionNumber: 1 }] });
    const strict = deriveWorkflowState({ ...template, staleApprovals: 'every_change' }, [v1, v(2, 5, { data: 'd1', metrics: 'm2' })], decisions, new Date('2026-01-05T10:00:00Z'));
    expect(strict.steps[0]?.status).toBe('active');
  });

  it('a clarification request pauses the step; overdue is flagged after the due time', () => {
    const state = deriveWorkflowState(template, [v1], [decide('dg', 'request_clarification', 1, 1)], new Date('2026-01-03T00:00:00Z'));
    expect(state.status).toBe('clarification_requested');
    expect(state.steps[0]).toMatchObject({ status: 'clarification', overdue: true });
  });
});
