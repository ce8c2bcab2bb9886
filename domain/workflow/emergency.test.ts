import { describe, expect, it } from 'vitest';
import type { Decision, DecisionKind } from '../contracts/decisions.ts';
import type { Role } from '../contracts/roles.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import { emergencyApprovals, emergencyRefusal, emergencyStepKey, type EmergencyAttempt } from './emergency.ts';

const template: WorkflowTemplate = {
  key: 'tier-1',
  version: 3,
  name: 'Tier 1 (critical) models',
  riskTiers: [1],
  staleApprovals: 'responsible_sections',
  emergencyRoles: ['committee'],
  steps: [
    { key: 'dg', name: 'Data governance', role: 'data_governance', approvalsRequired: 1, dueHours: 24, sections: ['data'] },
    { key: 'mrm', name: 'Model risk', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['metrics'] },
  ],
};

const v = (number: number, day: number, digests: Record<string, string> = { data: 'd', metrics: 'm' }): VersionFacts => ({ number, submittedAt: `2026-01-0${day}T09:00:00.000Z`, sectionDigests: digests });
const at = (day: number, hour = 12) => `2026-01-0${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

let n = 0;
function decide(stepKey: string, role: Role, decision: DecisionKind, versionNumber: number, decidedAt: string, actor = `u${n}`): Decision {
  n += 1;
  return {
    id: `d${n}`,
    packageId: 'p',
    versionNumber,
    stepKey,
    role,
    decision,
    meaning: decision,
    reason: decision === 'emergency_approve' ? '' : 'r',
    conditions: null,
    concerns: [],
    actor: { id: actor, displayName: `Name ${actor}`, title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt,
    ...(decision === 'emergency_approve' ? { emergency: { justification: 'Card fraud losses are growing by the hour.', incidentRef: `INC-${n}` } } : {}),
  };
}
const emergency = (versionNumber: number, decidedAt: string, actor = 'robert') => decide(emergencyStepKey, 'committee', 'emergency_approve', versionNumber, decidedAt, actor);

function attempt(change: Partial<EmergencyAttempt> = {}): EmergencyAttempt {
  return { template, status: 'in_review', decisions: [], latestVersion: 1, versionNumber: 1, signer: { id: 'robert', roles: ['committee'] }, role: 'committee', ownerId: 'olivia', submittedBy: 'olivia', ...change };
}

describe('emergencyRefusal', () => {
  it('allows a holder of an emergency role on the latest, undecided version', () => {
    expect(emergencyRefusal(attempt())).toBeNull();
    expect(emergencyRefusal(attempt({ status: 'clarification_requested' }))).toBeNull();
  });

  it('refuses (403) a role outside the template’s emergencyRoles, naming the role and the template', () => {
    const refusal = emergencyRefusal(attempt({ signer: { id: 'elena', roles: ['model_risk'] }, role: 'model_risk' }));
    expect(refusal).toEqual({ kind: 'forbidden', message: 'An emergency approval needs the AI governance committee role under template tier-1 v3 (Tier 1 (critical) models), which you do not hold.' });
    // Claiming the role in the payload does not give it.
    expect(emergencyRefusal(attempt({ signer: { id: 'elena', roles: ['model_risk'] }, role: 'committee' }))?.kind).toBe('forbidden');
    // Holding it but signing in another role is refused too, with the way out.
    expect(emergencyRefusal(attempt({ signer: { id: 'x', roles: ['committee', 'privacy'] }, role: 'privacy' }))?.message).toMatch(/sign it in that role \(AI governance committee\)/);
  });

  it('refuses (403) under a template without emergency roles', () => {
    const { emergencyRoles: _, ...closed } = template;
    expect(emergencyRefusal(attempt({ template: closed }))).toEqual({ kind: 'forbidden', message: 'Under template tier-1 v3 (Tier 1 (critical) models) no role may use the emergency approval path.' });
    expect(emergencyRefusal(attempt({ template: { ...template, emergencyRoles: [] } }))?.kind).toBe('forbidden');
  });

  it('refuses (403) the owner or the submitter: segregation of duties', () => {
    const owner = { id: 'olivia', roles: ['committee'] as Role[] };
    expect(emergencyRefusal(attempt({ signer: owner }))?.message).toMatch(/segregation of duties/);
    expect(emergencyRefusal(attempt({ signer: owner, ownerId: 'someone-else' }))?.kind).toBe('forbidden');
  });

  it('refuses (409) an earlier version, a second one on the version, and an approved or rejected package', () => {
    expect(emergencyRefusal(attempt({ latestVersion: 2, versionNumber: 1 }))).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/superseded by version 2/) as string });
    const first = emergency(1, at(2), 'marie');
    expect(emergencyRefusal(attempt({ decisions: [first], status: 'emergency_approved' }))).toEqual({
      kind: 'conflict',
      message: 'Version 1 already has an emergency approval (by Name marie on 2026-01-02): at most one stands per version.',
    });
    // One on an earlier version does not prevent one on the latest.
    expect(emergencyRefusal(attempt({ decisions: [first], latestVersion: 2, versionNumber: 2 }))).toBeNull();
    expect(emergencyRefusal(attempt({ status: 'approved' }))?.kind).toBe('conflict');
    expect(emergencyRefusal(attempt({ status: 'approved_with_conditions' }))?.kind).toBe('conflict');
    expect(emergencyRefusal(attempt({ status: 'rejected' }))?.message).toMatch(/cannot override a rejection/);
  });
});

describe('emergency approval in the workflow state and its follow-up', () => {
  const now = new Date(at(9));

  it('makes the package emergency approved without approving any step; the chain stays actionable', () => {
    const decisions = [decide('dg', 'data_governance', 'approve', 1, at(1)), emergency(1, at(2))];
    const state = deriveWorkflowState(template, [v(1, 1)], decisions, now);
    expect(state.status).toBe('emergency_approved');
    expect(state.steps.map((s) => [s.key, s.status, s.approvals.length])).toEqual([
      ['dg', 'approved', 1],
      ['mrm', 'active', 0],
    ]);
    expect(state.currentStep?.key).toBe('mrm');
    expect(emergencyApprovals(decisions, state).map((e) => e.followUp)).toEqual([{ state: 'open', at: null }]);
  });

  it('is completed when the chain fully approves, at its last approval', () => {
    const decisions = [emergency(1, at(2)), decide('dg', 'data_governance', 'approve', 1, at(3)), decide('mrm', 'model_risk', 'approve', 1, at(4))];
    const state = deriveWorkflowState(template, [v(1, 1)], decisions, now);
    expect(state.status).toBe('approved');
    expect(emergencyApprovals(decisions, state).map((e) => e.followUp)).toEqual([{ state: 'completed', at: at(4) }]);
  });

  it('is completed by the approval of a later version too, and no longer makes the package emergency approved after a resubmission', () => {
    const first = [emergency(1, at(2)), decide('dg', 'data_governance', 'approve', 1, at(3))];
    const resubmitted = deriveWorkflowState(template, [v(1, 1), v(2, 4, { data: 'd', metrics: 'm2' })], first, now);
    expect(resubmitted.status).toBe('in_review');
    expect(emergencyApprovals(first, resubmitted).map((e) => e.followUp.state)).toEqual(['open']);
    const done = [...first, decide('mrm', 'model_risk', 'approve', 2, at(5))];
    const state = deriveWorkflowState(template, [v(1, 1), v(2, 4, { data: 'd', metrics: 'm2' })], done, now);
    expect(state.status).toBe('approved');
    expect(emergencyApprovals(done, state).map((e) => e.followUp)).toEqual([{ state: 'completed', at: at(5) }]);
  });

  it('ends in rejection when the follow-up rejects: the package is rejected, and stays so after a resubmission', () => {
    const decisions = [emergency(1, at(2)), decide('dg', 'data_governance', 'reject', 1, at(3))];
    const state = deriveWorkflowState(template, [v(1, 1)], decisions, now);
    expect(state.status).toBe('rejected');
    expect(emergencyApprovals(decisions, state).map((e) => e.followUp)).toEqual([{ state: 'rejected', at: at(3) }]);
    const later = deriveWorkflowState(template, [v(1, 1), v(2, 4)], [...decisions, decide('dg', 'data_governance', 'approve', 2, at(5)), decide('mrm', 'model_risk', 'approve', 2, at(6))], now);
    expect(later.status).toBe('approved');
    expect(emergencyApprovals(decisions, later).map((e) => e.followUp.state)).toEqual(['rejected']);
  });

  it('ignores a rejection from before it (a rejected earlier version)', () => {
    const decisions = [decide('dg', 'data_governance', 'reject', 1, at(2)), emergency(2, at(4))];
    const state = deriveWorkflowState(template, [v(1, 1), v(2, 3)], decisions, now);
    expect(state.status).toBe('emergency_approved');
    expect(emergencyApprovals(decisions, state).map((e) => e.followUp.state)).toEqual(['open']);
  });
});
