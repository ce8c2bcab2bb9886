import { describe, expect, it } from 'vitest';
import type { PackageSummary } from '../contracts/packages.ts';
import { closedMonth, figure, inDerivedList, lastTwelveMonths } from './governance-figures.ts';

const summary = (overrides: Partial<PackageSummary>): PackageSummary => ({
  id: 'pkg_1',
  modelKey: 'm',
  modelName: 'M',
  versionLabel: '1.0',
  riskTier: 2,
  businessLine: 'Retail',
  ownerTeam: 'Team',
  status: 'in_review',
  latestVersion: 1,
  currentStep: { key: 'model_risk', name: 'Model risk', role: 'model_risk', dueAt: null, overdue: false },
  turn: { party: 'reviewer', stepKey: 'model_risk', reason: 'step_active', unanswered: 0 },
  openThreads: 0,
  openClarifications: 0,
  reReviewDue: false,
  submittedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('governance lists decided by workflow state', () => {
  it('pending holds every package still in its chain, emergency approved included; overdue only those whose step is late', () => {
    for (const status of ['in_review', 'clarification_requested', 'emergency_approved'] as const) expect(inDerivedList('pending', summary({ status }), false)).toBe(true);
    for (const status of ['approved', 'approved_with_conditions', 'rejected'] as const) expect(inDerivedList('pending', summary({ status, currentStep: null }), true)).toBe(false);
    expect(inDerivedList('overdue', summary({}), true)).toBe(false);
    expect(inDerivedList('overdue', summary({ currentStep: { key: 'k', name: 'K', role: 'model_risk', dueAt: '2026-01-02T00:00:00.000Z', overdue: true } }), true)).toBe(true);
  });

  it('approved counts a model once: only its newest package, when that one went through its chain', () => {
    expect(inDerivedList('approved', summary({ status: 'approved' }), true)).toBe(true);
    expect(inDerivedList('approved', summary({ status: 'approved_with_conditions' }), true)).toBe(true);
    expect(inDerivedList('approved', summary({ status: 'approved' }), false)).toBe(false);
    expect(inDerivedList('approved', summary({ status: 'emergency_approved' }), true)).toBe(false);
    // Its approval withdrawn (docs/decisions/0135): no longer with all approvals.
    expect(inDerivedList('approved', summary({ status: 'approved' }), true, true)).toBe(false);
  });

  it('a re-review is due on a standing approval, not on a rejected package', () => {
    expect(inDerivedList('re_review_due', summary({ status: 'approved_with_conditions', reReviewDue: true }), true)).toBe(true);
    expect(inDerivedList('re_review_due', summary({ status: 'rejected', reReviewDue: true }), true)).toBe(false);
  });
});

describe('trends', () => {
  it('are the 12 calendar months ending with this one, across a year boundary', () => {
    expect(lastTwelveMonths(new Date('2026-02-28T23:59:59.999Z'))).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('fill a month with nothing as 0 and leave counts outside the window out; no history is null, not zeros', () => {
    const months = lastTwelveMonths(new Date('2026-12-05T10:00:00.000Z'));
    const link = { list: 'packages' as const, query: { governance: 'pending' as const } };
    const withTrend = figure({ key: 'pending', value: 3, link, trend: { counts: { '2026-12': 2, '2026-01': 1, '2025-12': 9 }, measure: 'Versions submitted' } }, months);
    expect(withTrend.trend?.map((p) => p.value)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(withTrend).toMatchObject({ of: null, trendMeasure: 'Versions submitted' });
    expect(figure({ key: 'overdue', value: 1, link }, months)).toMatchObject({ trend: null, trendMeasure: null });
  });

  it('from snapshots (docs/decisions/0136): each month its close, a month without one null, this month the value now', () => {
    const months = lastTwelveMonths(new Date('2026-12-05T10:00:00.000Z'));
    const link = { list: 'packages' as const, query: { governance: 'overdue' as const } };
    const f = figure({ key: 'overdue', value: 4, link, snapshots: { values: { '2026-10': 2, '2026-11': 0, '2026-12': 9, '2025-11': 7 }, measure: 'At the close of each month: overdue reviews' } }, months);
    expect(f.trend?.map((p) => p.value)).toEqual([null, null, null, null, null, null, null, null, null, 2, 0, 4]);
    expect(f.trendMeasure).toBe('At the close of each month: overdue reviews');
  });

  it('a pass closes the month before its own, across a year boundary', () => {
    expect(closedMonth(new Date('2027-01-01T00:00:00.000Z'))).toBe('2026-12');
    expect(closedMonth(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-11');
  });
});
