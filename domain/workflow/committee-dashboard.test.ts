import { describe, expect, it } from 'vitest';
import { dashboardSchema } from '../contracts/dashboard.ts';
import type { Conditions, Decision, DecisionKind } from '../contracts/decisions.ts';
import type { PackageSummary } from '../contracts/packages.ts';
import { dashboardListLimit } from '../contracts/dashboard.ts';
import { committeeDashboard, compareCodeUnits, type DashboardPackage } from './committee-dashboard.ts';
import { whoseTurn } from './whose-turn.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import { emergencyStepKey } from './emergency.ts';
import { testChain } from './test-chain.fixture.ts';

// Packages are built through deriveWorkflowState, as the server builds them, so that
// "standing", "stale" and "overdue" mean here what they mean in the app.

const template = testChain({ riskTiers: [1, 2, 3, 4] });

const now = new Date('2026-03-01T12:00:00.000Z');
const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();

let counter = 0;
function decide(step: 'dg' | 'mrm', decision: DecisionKind, daysAgo: number, extra: { version?: number; conditions?: Conditions; actor?: string } = {}): Decision {
  counter += 1;
  const actor = extra.actor ?? (step === 'dg' ? 'u_dg' : 'u_mrm');
  return {
    id: `d${counter}`,
    packageId: 'p',
    versionNumber: extra.version ?? 1,
    stepKey: step,
    role: step === 'dg' ? 'data_governance' : 'model_risk',
    decision,
    meaning: decision,
    reason: '',
    conditions: extra.conditions ?? null,
    concerns: [],
    actor: { id: actor, displayName: actor.toUpperCase(), title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt: iso(daysAgo),
  };
}

interface Spec {
  id: string;
  modelKey?: string;
  riskTier?: number;
  submittedDaysAgo: number;
  versions?: VersionFacts[];
  decisions?: Decision[];
}

function pkg({ id, modelKey = id, riskTier = 1, submittedDaysAgo, versions, decisions = [] }: Spec): DashboardPackage {
  const facts = versions ?? [{ number: 1, submittedAt: iso(submittedDaysAgo), sectionDigests: { data: 'd1', metrics: 'm1' } }];
  const withIds = decisions.map((d) => ({ ...d, packageId: id }));
  const state = deriveWorkflowState(template, facts, withIds, now);
  const current = state.currentStep;
  const summary: PackageSummary = {
    id,
    modelKey,
    modelName: `Model ${id}`,
    versionLabel: '1.0',
    riskTier,
    businessLine: 'Retail',
    ownerTeam: 'Team',
    status: state.status,
    latestVersion: facts.length,
    currentStep: current ? { key: current.key, name: current.name, role: current.role, dueAt: current.dueAt, overdue: current.overdue } : null,
    turn: whoseTurn(state, [], facts.length),
    openThreads: 0,
    openClarifications: 0,
    reReviewDue: state.reReviewDue,
    submittedAt: iso(submittedDaysAgo),
    updatedAt: iso(submittedDaysAgo),
  };
  return { summary, steps: state.steps, decisions: withIds };
}

const conditions = (reReviewOn: string): Conditions => ({ scope: 'Card-not-present only', reReviewOn, text: '' });

describe('committeeDashboard', () => {
  it('counts models once and packages by status, for every risk tier', () => {
    const dashboard = committeeDashboard(
      [
        pkg({ id: 'a', modelKey: 'credit', riskTier: 1, submittedDaysAgo: 1 }),
        pkg({ id: 'b', modelKey: 'credit', riskTier: 1, submittedDaysAgo: 9, decisions: [decide('dg', 'approve', 8), decide('mrm', 'approve', 7)] }),
        pkg({ id: 'c', modelKey: 'fraud', riskTier: 1, submittedDaysAgo: 5, decisions: [decide('dg', 'reject', 4)] }),
        pkg({ id: 'd', modelKey: 'chat', riskTier: 3, submittedDaysAgo: 2, decisions: [decide('dg', 'request_clarification', 1)] }),
      ],
      now,
    );
    expect(dashboard.byRiskTier).toEqual([
      { riskTier: 1, models: 2, inReview: 1, approved: 1, rejected: 1 },
      { riskTier: 2, models: 0, inReview: 0, approved: 0, rejected: 0 },
      { riskTier: 3, models: 1, inReview: 1, approved: 0, rejected: 0 },
      { riskTier: 4, models: 0, inReview: 0, approved: 0, rejected: 0 },
    ]);
    // The findings part is added by the server from the findings register, not by this rule.
    expect(dashboardSchema.omit({ findings: true, governance: true }).parse(dashboard)).toEqual(dashboard);
  });

  it('lists pending packages (in review or waiting for clarification) oldest first, and the overdue ones most overdue first', () => {
    const dashboard = committeeDashboard(
      [
        // Submitted 12 hours ago: data governance (24 h) is not yet due.
        pkg({ id: 'fresh', submittedDaysAgo: 0.5 }),
        // Data governance (24 h) was due 2 days ago.
        pkg({ id: 'late', submittedDaysAgo: 3 }),
        // Model risk (48 h) activated 10 days ago: due 8 days ago; submitted after "late".
        pkg({ id: 'later', submittedDaysAgo: 2, versions: [{ number: 1, submittedAt: iso(11), sectionDigests: { data: 'd', metrics: 'm' } }], decisions: [decide('dg', 'approve', 10)] }),
        pkg({ id: 'asked', submittedDaysAgo: 4, decisions: [decide('dg', 'request_clarification', 0.1)] }),
        pkg({ id: 'done', submittedDaysAgo: 20, decisions: [decide('dg', 'approve', 8), decide('mrm', 'approve', 7)] }),
      ],
      now,
    );
    expect(dashboard.pending.items.map((p) => p.id)).toEqual(['asked', 'late', 'later', 'fresh']);
    expect(dashboard.pending.total).toBe(4);
    expect(dashboard.overdue.items.map((p) => p.id)).toEqual(['later', 'asked', 'late']);
    expect(dashboard.overdue.total).toBe(3);
  });

  it('shows the first page of a long list, counts all of it, and links to the inventory list holding it (decision record 0159)', () => {
    const count = dashboardListLimit + 3;
    // Submitted a day apart, so the oldest is the first: the page is the oldest `dashboardListLimit`.
    const packages = Array.from({ length: count }, (_, i) => pkg({ id: `p${String(i).padStart(2, '0')}`, submittedDaysAgo: count - i }));
    const dashboard = committeeDashboard(packages, now);
    expect(dashboard.pending.items.map((p) => p.id)).toEqual(packages.slice(0, dashboardListLimit).map((p) => p.summary.id));
    expect(dashboard.pending.total).toBe(count);
    expect(dashboard.pending.link).toEqual({ list: 'packages', query: { governance: 'pending' } });
    expect(dashboard.overdue.link).toEqual({ list: 'packages', query: { governance: 'overdue' } });
    expect(dashboard.conditionsLapsed.link).toEqual({ list: 'packages', query: { governance: 'conditions_lapsed' } });
    expect(dashboardSchema.omit({ findings: true, governance: true }).parse(dashboard)).toEqual(dashboard);
  });

  it('breaks ties by id in code-unit order, as the binary collation of the database does, not a locale', () => {
    // Same submission time: the order is the ids'. A locale puts "a" before "B"; code units put "B" (66) first.
    const dashboard = committeeDashboard([pkg({ id: 'pkg_a', submittedDaysAgo: 1 }), pkg({ id: 'pkg_B', submittedDaysAgo: 1 }), pkg({ id: 'pkg_-', submittedDaysAgo: 1 })], now);
    expect(dashboard.pending.items.map((p) => p.id)).toEqual(['pkg_-', 'pkg_B', 'pkg_a']);
    expect(['b', 'A', '_', '-', 'a'].sort(compareCodeUnits)).toEqual(['-', 'A', '_', 'a', 'b']);
  });

  it('lists standing conditional approvals whose re-review has come (due) or comes within 30 days (upcoming), soonest first', () => {
    const dashboard = committeeDashboard(
      [
        pkg({ id: 'due', submittedDaysAgo: 400, decisions: [decide('dg', 'approve_with_conditions', 399, { conditions: conditions('2026-02-28') }), decide('mrm', 'approve', 398)] }),
        pkg({ id: 'today', submittedDaysAgo: 400, decisions: [decide('dg', 'approve', 399), decide('mrm', 'approve_with_conditions', 398, { conditions: conditions('2026-03-01') })] }),
        pkg({ id: 'edge', submittedDaysAgo: 40, decisions: [decide('dg', 'approve_with_conditions', 39, { conditions: conditions('2026-03-31') })] }),
        pkg({ id: 'far', submittedDaysAgo: 40, decisions: [decide('dg', 'approve_with_conditions', 39, { conditions: conditions('2026-04-01') })] }),
        // Rejected later in the chain: nobody relies on the conditional approval.
        pkg({ id: 'rejected', submittedDaysAgo: 40, decisions: [decide('dg', 'approve_with_conditions', 39, { conditions: conditions('2026-03-02') }), decide('mrm', 'reject', 38)] }),
      ],
      now,
    );
    expect(dashboard.reReviews.map((r) => [r.packageId, r.reReviewOn, r.state, r.stepName, r.approvedBy.id])).toEqual([
      ['due', '2026-02-28', 'due', 'Data governance', 'u_dg'],
      ['today', '2026-03-01', 'due', 'Model risk', 'u_mrm'],
      ['edge', '2026-03-31', 'upcoming', 'Data governance', 'u_dg'],
    ]);
  });

  it('leaves out a conditional approval that a later version made stale', () => {
    const versions: VersionFacts[] = [
      { number: 1, submittedAt: iso(30), sectionDigests: { data: 'd1', metrics: 'm1' } },
      { number: 2, submittedAt: iso(10), sectionDigests: { data: 'd2', metrics: 'm1' } },
    ];
    const stale = pkg({ id: 'stale', submittedDaysAgo: 30, versions, decisions: [decide('dg', 'approve_with_conditions', 29, { conditions: conditions('2026-03-05') })] });
    expect(stale.steps[0]?.staleApprovals).toHaveLength(1);
    expect(committeeDashboard([stale], now).reReviews).toEqual([]);

    // The same approval on a version whose change did not touch the step's sections still stands.
    const standing = pkg({ id: 'standing', submittedDaysAgo: 30, versions: versions.map((v) => ({ ...v, sectionDigests: { ...v.sectionDigests, data: 'd1' } })), decisions: [decide('dg', 'approve_with_conditions', 29, { conditions: conditions('2026-03-05') })] });
    expect(committeeDashboard([standing], now).reReviews.map((r) => r.state)).toEqual(['upcoming']);
  });

  it('lists the 20 newest decisions of all packages, newest first', () => {
    const many = Array.from({ length: 25 }, (_, i) => decide('dg', 'request_clarification', 30 - i, { actor: `u${i}` }));
    const dashboard = committeeDashboard([pkg({ id: 'x', submittedDaysAgo: 31, decisions: many.slice(0, 12) }), pkg({ id: 'y', submittedDaysAgo: 31, decisions: many.slice(12) })], now);
    expect(dashboard.recentDecisions).toHaveLength(20);
    expect(dashboard.recentDecisions[0]).toMatchObject({ packageId: 'y', actor: { id: 'u24' }, decision: 'request_clarification', role: 'data_governance' });
    expect(dashboard.recentDecisions.at(-1)?.actor.id).toBe('u5');
    const times = dashboard.recentDecisions.map((d) => d.decidedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('lists emergency approvals while their follow-up is open, and counts their packages as pending', () => {
    const emergency = (daysAgo: number, incidentRef: string): Decision => ({
      ...decide('dg', 'approve', daysAgo, { actor: 'u_committee' }),
      stepKey: emergencyStepKey,
      role: 'committee',
      decision: 'emergency_approve',
      emergency: { justification: 'Fraud ring active on card-not-present traffic.', incidentRef },
    });
    const dashboard = committeeDashboard(
      [
        pkg({ id: 'open', submittedDaysAgo: 5, decisions: [decide('dg', 'approve', 4), emergency(3, 'INC-2')] }),
        pkg({ id: 'older', submittedDaysAgo: 9, decisions: [emergency(8, 'INC-1')] }),
        pkg({ id: 'completed', submittedDaysAgo: 9, decisions: [emergency(8, 'INC-3'), decide('dg', 'approve', 7), decide('mrm', 'approve', 6)] }),
        pkg({ id: 'ended', submittedDaysAgo: 9, decisions: [emergency(8, 'INC-4'), decide('dg', 'reject', 7)] }),
      ],
      now,
    );
    expect(dashboard.emergencyFollowUps.map((e) => [e.packageId, e.incidentRef, e.waitingOn, e.approvedBy.id])).toEqual([
      ['older', 'INC-1', 'Data governance', 'u_committee'],
      ['open', 'INC-2', 'Model risk', 'u_committee'],
    ]);
    expect(dashboard.pending.items.map((p) => [p.id, p.status])).toEqual([
      ['older', 'emergency_approved'],
      ['open', 'emergency_approved'],
    ]);
    expect(dashboard.byRiskTier[0]).toEqual({ riskTier: 1, models: 4, inReview: 2, approved: 1, rejected: 1 });
    // An emergency approval is no step's approval.
    expect(dashboard.recentDecisions.filter((d) => d.decision === 'emergency_approve')).toHaveLength(4);
    // The findings part is added by the server from the findings register, not by this rule.
    expect(dashboardSchema.omit({ findings: true, governance: true }).parse(dashboard)).toEqual(dashboard);
  });

  it('is empty, not missing, when there is nothing', () => {
    const dashboard = committeeDashboard([], now);
    const none = { items: [], total: 0 };
    expect(dashboard).toMatchObject({ generatedAt: now.toISOString(), pending: none, overdue: none, conditionsLapsed: none, reReviews: [], recentDecisions: [], emergencyFollowUps: [] });
    expect(dashboard.byRiskTier.map((row) => row.models)).toEqual([0, 0, 0, 0]);
  });
});
