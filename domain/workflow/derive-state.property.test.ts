// The workflow rules as a state machine under random use: fast-check drives random sequences
// of submissions and decisions (by random roles on random steps) through the same two pure
// rules the server applies, deriveWorkflowState and stepNotActionable, and checks after every
// action what must always hold. The oracle below recomputes "standing" on its own, from the
// template's stale rule, so a bug in derive-state cannot agree with itself. Emergency
// approvals (by random roles, under random emergencyRoles) go through emergencyRefusal, the
// rule the server applies, and must never stand in for a step's approvals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision, DecisionKind } from '../contracts/decisions.ts';
import type { Role } from '../contracts/roles.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { defaultTemplates } from './default-templates.ts';
import { deriveWorkflowState, type VersionFacts, type WorkflowState } from './derive-state.ts';
import { stepNotActionable } from './step-gate.ts';
import { emergencyFollowUp, emergencyRefusal, emergencyStepKey, isEmergencyApproval } from './emergency.ts';

const sections = ['identification', 'training_data', 'evaluation', 'subgroup_fairness', 'intended_use'] as const;
const roles: readonly Role[] = ['data_governance', 'model_risk', 'fair_lending', 'committee', 'privacy'];
const kinds: readonly DecisionKind[] = ['approve', 'approve_with_conditions', 'reject', 'request_clarification'];
const runs = 400;

const templateArb: fc.Arbitrary<WorkflowTemplate> = fc
  .record({
    staleApprovals: fc.constantFrom('responsible_sections' as const, 'every_change' as const),
    emergencyRoles: fc.uniqueArray(fc.constantFrom(...roles), { maxLength: 2 }),
    steps: fc.array(
      fc.record({
        role: fc.constantFrom(...roles),
        approvalsRequired: fc.integer({ min: 1, max: 2 }),
        sections: fc.uniqueArray(fc.constantFrom(...sections), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ staleApprovals, emergencyRoles, steps }) => ({
    key: 'generated',
    version: 1,
    name: 'Generated chain',
    riskTiers: [1],
    staleApprovals,
    emergencyRoles,
    steps: steps.map((s, i) => ({ key: `step_${i}`, name: `Step ${i}`, dueHours: 24, ...s })),
  }));

// The consumer-credit chain is the one the demo uses: give it a share of the runs as it is.
const credit = defaultTemplates.find((t) => t.key === 'consumer-credit');
if (!credit) throw new Error('consumer-credit template missing');
const anyTemplate = fc.oneof(templateArb, fc.constant(credit));

type Action =
  | { kind: 'submit'; changed: readonly number[] }
  | { kind: 'decide'; step: number; role: number; actor: number; decision: DecisionKind; reReviewInDays: number }
  | { kind: 'answer_clarification' }
  | { kind: 'emergency'; role: number; actor: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('submit' as const), changed: fc.uniqueArray(fc.nat({ max: 10 }), { maxLength: 3 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      step: fc.nat({ max: 3 }),
      // -1: the step's own role; otherwise any role, mostly refused (403), as in life.
      role: fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 2, arbitrary: fc.nat({ max: roles.length - 1 }) }),
      actor: fc.nat({ max: 2 }),
      // Mostly approvals, so that runs get far enough down the chain to be interesting.
      decision: fc.oneof({ weight: 6, arbitrary: fc.constant('approve' as const) }, { weight: 1, arbitrary: fc.constantFrom(...kinds) }),
      reReviewInDays: fc.integer({ min: -3, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'answer_clarification' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('emergency' as const), role: fc.nat({ max: roles.length - 1 }), actor: fc.nat({ max: 2 }) }) },
);

interface Machine {
  template: WorkflowTemplate;
  versions: VersionFacts[];
  decisions: Decision[];
  clock: number;
}

const at = (clock: number) => new Date(Date.UTC(2026, 0, 1) + clock * 3_600_000);
const latestOf = (m: Machine): VersionFacts => {
  const latest = m.versions.at(-1);
  if (!latest) throw new Error('no version');
  return latest;
};
const derive = (m: Machine): WorkflowState => deriveWorkflowState(m.template, m.versions, m.decisions, at(m.clock));

function start(template: WorkflowTemplate): Machine {
  return { template, versions: [{ number: 1, submittedAt: at(0).toISOString(), sectionDigests: Object.fromEntries(sections.map((s) => [s, `${s}@1`])) }], decisions: [], clock: 0 };
}

/** Independent oracle: an approval stands on the latest version under the template's rule. */
function standsOn(m: Machine, stepIndex: number, d: Decision): boolean {
  const latest = latestOf(m);
  if (d.versionNumber === latest.number) return true;
  if (m.template.staleApprovals === 'every_change') return false;
  const from = m.versions.find((v) => v.number === d.versionNumber);
  const step = m.template.steps[stepIndex];
  if (!from || !step) return false;
  return step.sections.every((key) => from.sectionDigests[key] === latest.sectionDigests[key]);
}

function standingApprovers(m: Machine, stepIndex: number): Set<string> {
  const step = m.template.steps[stepIndex];
  const approvals = m.decisions.filter((d) => d.stepKey === step?.key && (d.decision === 'approve' || d.decision === 'approve_with_conditions') && standsOn(m, stepIndex, d));
  return new Set(approvals.map((d) => d.actor.id));
}

/** Applies an action as the server would; returns whether a decision was accepted. */
function apply(m: Machine, action: Action): { accepted: boolean; before: WorkflowState } {
  const before = derive(m);
  m.clock += 1;
  if (action.kind === 'answer_clarification') return { accepted: false, before };
  if (action.kind === 'emergency') return { accepted: applyEmergency(m, action, before), before };
  if (action.kind === 'submit') {
    const latest = latestOf(m);
    const number = latest.number + 1;
    const digests = { ...latest.sectionDigests };
    for (const i of action.changed) {
      const key = sections[i];
      if (key) digests[key] = `${key}@${number}`;
    }
    m.versions.push({ number, submittedAt: at(m.clock).toISOString(), sectionDigests: digests });
    return { accepted: false, before };
  }
  const templateStep = m.template.steps[action.step];
  const role = action.role === -1 ? templateStep?.role : roles[action.role];
  const state = derive(m);
  const step = state.steps[action.step];
  if (!templateStep || !role || !step) return { accepted: false, before };
  const actorId = `${role}-${action.actor}`;
  const latest = latestOf(m);
  // The server's refusals, in its order: wrong role (403), not actionable (409), twice (409).
  if (templateStep.role !== role) return { accepted: false, before };
  if (stepNotActionable(state, step) !== null) return { accepted: false, before };
  if (step.approvals.some((a) => a.actor.id === actorId && a.versionNumber === latest.number)) return { accepted: false, before };
  const reReviewOn = new Date(at(m.clock).getTime() + action.reReviewInDays * 86_400_000).toISOString().slice(0, 10);
  m.decisions.push({
    id: `d${m.decisions.length}`,
    packageId: 'p',
    versionNumber: latest.number,
    stepKey: templateStep.key,
    role,
    decision: action.decision,
    meaning: action.decision,
    reason: 'r',
    conditions: action.decision === 'approve_with_conditions' ? { scope: 's', reReviewOn, text: '' } : null,
    concerns: [],
    actor: { id: actorId, displayName: actorId, title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt: at(m.clock).toISOString(),
  });
  return { accepted: true, before };
}

/** An emergency approval as the server takes it: only if emergencyRefusal has nothing against it. */
function applyEmergency(m: Machine, action: Extract<Action, { kind: 'emergency' }>, state: WorkflowState): boolean {
  const role = roles[action.role];
  if (!role) return false;
  const actorId = `${role}-${action.actor}`;
  const latest = latestOf(m);
  const refusal = emergencyRefusal({ template: m.template, status: state.status, decisions: m.decisions, latestVersion: latest.number, versionNumber: latest.number, signer: { id: actorId, roles: [role] }, role, ownerId: 'owner', submittedBy: 'owner' });
  if (refusal) return false;
  m.decisions.push({
    id: `d${m.decisions.length}`,
    packageId: 'p',
    versionNumber: latest.number,
    stepKey: emergencyStepKey,
    role,
    decision: 'emergency_approve',
    meaning: 'emergency',
    reason: '',
    conditions: null,
    concerns: [],
    actor: { id: actorId, displayName: actorId, title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt: at(m.clock).toISOString(),
    emergency: { justification: 'Fraud losses are growing by the hour.', incidentRef: `INC-${m.decisions.length}` },
  });
  return true;
}

function checkInvariants(m: Machine, state: WorkflowState): void {
  const { steps } = m.template;
  // Approved only when every step has its required approvals standing on the final version.
  if (state.status === 'approved' || state.status === 'approved_with_conditions') {
    steps.forEach((step, i) => expect(standingApprovers(m, i).size).toBeGreaterThanOrEqual(step.approvalsRequired));
  }
  // Gating: a step is anything but waiting only if every earlier step is approved.
  state.steps.forEach((step, i) => {
    if (step.status !== 'waiting') expect(state.steps.slice(0, i).every((s) => s.status === 'approved')).toBe(true);
  });
  expect(state.steps.filter((s) => s.status !== 'approved' && s.status !== 'waiting').length).toBeLessThanOrEqual(1);
  // Derived approvals are exactly the oracle's standing ones, the rest are stale.
  state.steps.forEach((step, i) => {
    expect(new Set(step.approvals.map((a) => a.actor.id))).toEqual(standingApprovers(m, i));
    for (const stale of step.staleApprovals) expect(step.approvals.some((a) => a.decidedAt === stale.decidedAt && a.actor.id === stale.actor.id)).toBe(false);
  });
  // A rejection on the latest version ends the round.
  const latest = latestOf(m);
  const rejectedNow = m.decisions.some((d) => d.decision === 'reject' && d.versionNumber === latest.number);
  expect(state.status === 'rejected').toBe(rejectedNow);
  if (rejectedNow) expect(state.steps.every((s) => stepNotActionable(state, s) !== null)).toBe(true);
  // An emergency approval is no step's approval: without them the steps derive the same.
  const withoutEmergencies = deriveWorkflowState(m.template, m.versions, m.decisions.filter((d) => !isEmergencyApproval(d)), at(m.clock));
  expect(state.steps).toEqual(withoutEmergencies.steps);
  // Emergency approved exactly when the latest version has one and the chain neither approved nor rejected it.
  const chainApproved = steps.every((step, i) => standingApprovers(m, i).size >= step.approvalsRequired);
  const emergencies = m.decisions.filter(isEmergencyApproval);
  const emergencyNow = emergencies.some((d) => d.versionNumber === latest.number);
  expect(state.status === 'emergency_approved').toBe(emergencyNow && !rejectedNow && !chainApproved);
  // At most one per version, each by a role the template allows.
  expect(new Set(emergencies.map((d) => d.versionNumber)).size).toBe(emergencies.length);
  for (const d of emergencies) expect(m.template.emergencyRoles ?? []).toContain(d.role);
  // A follow-up is open until the chain approves (completed) or anything rejects after it.
  for (const d of emergencies) {
    const rejectedAfter = m.decisions.some((r) => r.decision === 'reject' && r.decidedAt > d.decidedAt);
    const expected = rejectedAfter ? 'rejected' : state.status === 'approved' || state.status === 'approved_with_conditions' ? 'completed' : 'open';
    expect(emergencyFollowUp(d, m.decisions, state).state).toBe(expected);
  }
  // Re-review due: a standing approval with conditions whose date has come.
  const today = at(m.clock).toISOString().slice(0, 10);
  state.steps.forEach((step) => expect(step.reReviewDue).toBe(step.approvals.some((a) => a.reReviewOn !== null && a.reReviewOn <= today)));
  expect(state.reReviewDue).toBe(state.steps.some((s) => s.reReviewDue));
}

describe('workflow rules under random sequences of actions', () => {
  it('hold after every action: approval needs standing approvals, gating, rejection, stale, re-review', () => {
    let actions = 0;
    const reached = { approved: 0, rejected: 0, stale: 0, reReviewDue: 0, emergencyApproved: 0, followUpCompleted: 0, emergencyRefusedRole: 0 };
    fc.assert(
      fc.property(anyTemplate, fc.array(actionArb, { minLength: 1, maxLength: 60, size: 'max' }), (template, sequence) => {
        const m = start(template);
        checkInvariants(m, derive(m));
        for (const action of sequence) {
          const stepIndexBefore = action.kind === 'decide' ? action.step : -1;
          const { accepted, before } = apply(m, action);
          actions += 1;
          // An accepted decision was on a step whose every earlier step was approved.
          if (accepted && action.kind === 'decide') expect(before.steps.slice(0, stepIndexBefore).every((s) => s.status === 'approved')).toBe(true);
          // An emergency approval by a role outside the template's emergencyRoles is always refused.
          if (action.kind === 'emergency' && !(template.emergencyRoles ?? []).includes(roles[action.role] ?? 'admin')) {
            expect(accepted).toBe(false);
            reached.emergencyRefusedRole += 1;
          }
          // Answering a clarification is the owner's words, not a decision: the state holds.
          if (action.kind === 'answer_clarification') expect(derive(m).steps.map((s) => s.status)).toEqual(before.steps.map((s) => s.status));
          const state = derive(m);
          checkInvariants(m, state);
          if (state.status === 'approved' || state.status === 'approved_with_conditions') reached.approved += 1;
          if (state.status === 'rejected') reached.rejected += 1;
          if (state.steps.some((s) => s.staleApprovals.length > 0)) reached.stale += 1;
          if (state.reReviewDue) reached.reReviewDue += 1;
          if (state.status === 'emergency_approved') reached.emergencyApproved += 1;
          if ((state.status === 'approved' || state.status === 'approved_with_conditions') && m.decisions.some(isEmergencyApproval)) reached.followUpCompleted += 1;
        }
      }),
      { numRuns: runs },
    );
    expect(actions).toBeGreaterThan(runs);
    // The generators reach every interesting state, so the checks above were exercised.
    expect(Object.values(reached).every((n) => n > 0), JSON.stringify(reached)).toBe(true);
  });

  it('a new version makes stale exactly the approvals of steps whose sections changed (or all, under every_change)', () => {
    fc.assert(
      fc.property(anyTemplate, fc.array(actionArb, { maxLength: 40, size: 'max' }), fc.uniqueArray(fc.nat({ max: sections.length - 1 }), { maxLength: 3 }), (template, sequence, changed) => {
        const m = start(template);
        for (const action of sequence) apply(m, action);
        const before = derive(m);
        const previous = latestOf(m).number;
        apply(m, { kind: 'submit', changed });
        const after = derive(m);
        const touched = new Set<string>(changed.flatMap((i) => sections[i] ?? []));
        template.steps.forEach((step, i) => {
          const hit = template.staleApprovals === 'every_change' || step.sections.some((key) => touched.has(key));
          const was = before.steps[i]?.approvals ?? [];
          const now = after.steps[i];
          for (const approval of was) {
            const stillStanding = now?.approvals.some((a) => a.actor.id === approval.actor.id && a.decidedAt === approval.decidedAt) ?? false;
            const nowStale = now?.staleApprovals.some((a) => a.actor.id === approval.actor.id && a.decidedAt === approval.decidedAt) ?? false;
            expect(stillStanding).toBe(!hit);
            expect(nowStale).toBe(hit);
          }
          expect(now?.approvals.every((a) => a.versionNumber <= previous)).toBe(true);
        });
      }),
      { numRuns: runs },
    );
  });

  it('a full chain approves only after each step in order, and no later step can act first', () => {
    fc.assert(
      fc.property(anyTemplate, fc.nat(), (template, seed) => {
        const m = start(template);
        template.steps.forEach((step, i) => {
          // Every later step's holder is refused while this one is not yet approved.
          for (let later = i + 1; later < template.steps.length; later += 1) {
            const laterRole = template.steps[later]?.role ?? 'committee';
            const { accepted } = apply(m, { kind: 'decide', step: later, role: roles.indexOf(laterRole), actor: seed % 3, decision: 'approve', reReviewInDays: 1 });
            expect(accepted).toBe(false);
          }
          for (let n = 0; n < step.approvalsRequired; n += 1) {
            expect(apply(m, { kind: 'decide', step: i, role: roles.indexOf(step.role), actor: n, decision: 'approve', reReviewInDays: 1 }).accepted).toBe(true);
          }
        });
        expect(derive(m).status).toBe('approved');
      }),
      { numRuns: 200 },
    );
  });
});
