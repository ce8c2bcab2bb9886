import { describe, expect, it } from 'vitest';
import type { Decision } from '../contracts/decisions.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import { emergencyStepKey } from './emergency.ts';
import { emergencyStands, keptSegregationConflict, type ChainMove } from './kept-decisions.ts';
import { segregationRefusal } from './segregation-of-duties.ts';
import { testChain } from './test-chain.fixture.ts';

// 0193, 2026-12-06 amendment: a decision kept from a chain the package left is judged by the
// chain in force's segregation of duties (findings M-C and L-C). Template L lets one person
// decide several steps; the stricter S does not. X approves both steps under L; the chain moves.

const relaxed = testChain({ key: 'L', riskTiers: [3], allowSameDeciderAcrossSteps: true, emergencyRoles: ['committee'] });
const strict = testChain({ key: 'S', emergencyRoles: ['committee'] });
const v1: VersionFacts = { number: 1, submittedAt: '2026-01-01T09:00:00.000Z', sectionDigests: { data: 'd', metrics: 'm' } };
const now = new Date('2026-01-05T00:00:00Z');

function decision(id: string, stepKey: string, actorId: string, decidedAt: string, kind: Decision['decision'] = 'approve'): Decision {
  const role = stepKey === 'dg' ? 'data_governance' : stepKey === 'mrm' ? 'model_risk' : 'committee';
  return { id, packageId: 'p', versionNumber: 1, stepKey, role, decision: kind, meaning: '', reason: '', conditions: null, concerns: [], actor: { id: actorId, displayName: actorId.toUpperCase(), title: '' }, contentHash: 'a'.repeat(64), decidedAt };
}

const xDg = decision('d1', 'dg', 'x', '2026-01-02T10:00:00.000Z');
const xMrm = decision('d2', 'mrm', 'x', '2026-01-03T10:00:00.000Z');
const moveAfter = (...decided: Decision[]): ChainMove => ({ seq: 9, at: '2026-01-04T10:00:00.000Z', from: relaxed, decided: decided.map((d) => d.id) });

describe('kept approvals under the stricter chain’s segregation of duties (0193 amendment, M-C)', () => {
  it('the later of two kept approvals by one person stops counting; its step is open again and says why', () => {
    const state = deriveWorkflowState(strict, [v1], [xDg, xMrm], now, [moveAfter(xDg, xMrm)]);
    expect(state.steps.map((s) => [s.key, s.status])).toEqual([['dg', 'approved'], ['mrm', 'active']]);
    expect(state.status).toBe('in_review');
    expect(state.steps[1]?.approvals).toEqual([]);
    expect(state.steps[1]?.staleApprovals).toEqual([expect.objectContaining({ actor: xMrm.actor, staleReason: expect.stringMatching(/segregation of duties.*X already decided Data governance of this package \(X, version 1\)/) as unknown })]);
    // The old derivation counted both.
    expect(deriveWorkflowState(strict, [v1], [xDg, xMrm], now).status).toBe('approved');
  });

  it('keeps both under a chain that also relaxes it, and one person’s one step under the strict chain', () => {
    expect(deriveWorkflowState({ ...strict, allowSameDeciderAcrossSteps: true }, [v1], [xDg, xMrm], now, [moveAfter(xDg, xMrm)]).status).toBe('approved');
    const yMrm = decision('d3', 'mrm', 'y', '2026-01-03T10:00:00.000Z');
    expect(deriveWorkflowState(strict, [v1], [xDg, yMrm], now, [moveAfter(xDg, yMrm)]).status).toBe('approved');
  });

  it('drops the later by sequence, whichever step it is on: an earlier step approved again on a later version', () => {
    const v2: VersionFacts = { number: 2, submittedAt: '2026-01-03T12:00:00.000Z', sectionDigests: { data: 'd2', metrics: 'm' } };
    const yDg = decision('d4', 'dg', 'y', '2026-01-02T09:00:00.000Z');
    const xMrmV1 = decision('d5', 'mrm', 'x', '2026-01-02T11:00:00.000Z');
    const xDgV2 = { ...decision('d6', 'dg', 'x', '2026-01-03T13:00:00.000Z'), versionNumber: 2 };
    const state = deriveWorkflowState(strict, [v1, v2], [yDg, xMrmV1, xDgV2], now, [moveAfter(yDg, xMrmV1, xDgV2)]);
    // X's data governance approval on version 2 came second: it does not count; model risk's (v1, its sections unchanged) stands behind it.
    expect(state.steps.map((s) => [s.key, s.status, s.approvals.length])).toEqual([['dg', 'active', 0], ['mrm', 'waiting', 1]]);
  });

  it('counts a delegate and the holder they acted for as one person', () => {
    const zMrm = decision('d7', 'mrm', 'z', '2026-01-03T10:00:00.000Z');
    const delegators = new Map([[zMrm.id, 'x']]);
    expect(deriveWorkflowState(strict, [v1], [xDg, zMrm], now, [moveAfter(xDg, zMrm)], delegators).steps[1]?.status).toBe('active');
    expect(deriveWorkflowState(strict, [v1], [xDg, zMrm], now, [moveAfter(xDg, zMrm)]).status).toBe('approved');
  });

  it('judges as signing would: an earlier decision of any kind, the emergency approval too, counts as a step decided', () => {
    const asked = decision('d8', 'dg', 'x', '2026-01-02T08:00:00.000Z', 'request_clarification');
    const yDg = decision('d9', 'dg', 'y', '2026-01-02T09:00:00.000Z');
    expect(keptSegregationConflict(xMrm, [asked, yDg, xMrm], [moveAfter(asked, yDg, xMrm)], strict, new Map())).toMatch(/already decided Data governance/);
    const emergency = decision('d10', emergencyStepKey, 'x', '2026-01-02T08:30:00.000Z', 'emergency_approve');
    expect(keptSegregationConflict(xMrm, [emergency, xMrm], [moveAfter(emergency, xMrm)], strict, new Map())).toMatch(/already decided the emergency approval/);
    // The same sentence signing gives: the rule is the signing rule, applied to the kept decision.
    expect(keptSegregationConflict(xMrm, [xDg, xMrm], [moveAfter(xDg, xMrm)], strict, new Map())).toBe(segregationRefusal(strict, { stepKey: 'mrm', versionNumber: 1, signerId: 'x', signerRoles: [], delegatorId: null }, [{ stepKey: 'dg', versionNumber: 1, decision: 'approve', actorId: 'x', delegatorId: null }], (id) => id.toUpperCase()));
    // A decision signed under the chain in force was judged when it was signed.
    expect(keptSegregationConflict(xMrm, [xDg, xMrm], [{ ...moveAfter(xDg), decided: [xDg.id] }], strict, new Map())).toBeNull();
  });
});

describe('an emergency approval under a chain the package left (0193 amendment, L-C)', () => {
  const emergency = decision('e1', emergencyStepKey, 'c', '2026-01-02T10:00:00.000Z', 'emergency_approve');

  it('no longer makes the package emergency approved: it stays on record, the chain in force is in review', () => {
    expect(deriveWorkflowState(relaxed, [v1], [emergency], now).status).toBe('emergency_approved');
    // The old derivation kept it standing after the move.
    expect(deriveWorkflowState(strict, [v1], [emergency], now).status).toBe('emergency_approved');
    const moved = deriveWorkflowState(strict, [v1], [emergency], now, [moveAfter(emergency)]);
    expect(moved.status).toBe('in_review');
    expect(moved.currentStep?.key).toBe('dg');
    expect(emergencyStands(emergency, [moveAfter(emergency)], strict)).toBe(false);
  });

  it('stands when signed under the chain in force, after the move', () => {
    const again = decision('e2', emergencyStepKey, 'c', '2026-01-04T11:00:00.000Z', 'emergency_approve');
    expect(deriveWorkflowState(strict, [v1], [emergency, again], now, [moveAfter(emergency)]).status).toBe('emergency_approved');
  });
});
