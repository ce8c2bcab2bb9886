import { describe, expect, it } from 'vitest';
import type { Decision, DecisionKind } from '../contracts/decisions.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import { dueReReviews, type SweepPackage } from './re-review-sweep.ts';
import { testChain } from './test-chain.fixture.ts';

const template = testChain();

const v1: VersionFacts = { number: 1, submittedAt: '2026-01-01T09:00:00.000Z', sectionDigests: { data: 'd1', metrics: 'm1' } };

function decide(id: string, step: 'dg' | 'mrm', decision: DecisionKind, options: { version?: number; day?: number; reReviewOn?: string; actor?: string } = {}): Decision {
  const day = String(options.day ?? 2).padStart(2, '0');
  const actor = options.actor ?? `u-${id}`;
  return {
    id,
    packageId: 'p',
    versionNumber: options.version ?? 1,
    stepKey: step,
    role: step === 'dg' ? 'data_governance' : 'model_risk',
    decision,
    meaning: decision,
    reason: 'r',
    conditions: options.reReviewOn ? { scope: 'Card-not-present only', reReviewOn: options.reReviewOn, text: '' } : null,
    concerns: [],
    actor: { id: actor, displayName: actor, title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt: `2026-01-${day}T12:00:00.000Z`,
  };
}

const pkg = (id: string, decisions: Decision[], versions: VersionFacts[] = [v1]): SweepPackage => ({ id, template, versions, decisions: decisions.map((d) => ({ ...d, packageId: id })) });

describe('dueReReviews', () => {
  const conditional = decide('c1', 'mrm', 'approve_with_conditions', { day: 3, reReviewOn: '2026-06-30' });
  const approved = pkg('p1', [decide('a1', 'dg', 'approve'), conditional]);

  it('lists nothing before the re-review date, and the approval from the start of that day (UTC)', () => {
    expect(dueReReviews([approved], new Date('2026-06-29T23:59:59.999Z'))).toEqual([]);
    expect(dueReReviews([approved], new Date('2026-06-30T00:00:00.000Z'))).toEqual([{ packageId: 'p1', decisionId: 'c1', stepKey: 'mrm', role: 'model_risk', versionNumber: 1, reReviewOn: '2026-06-30' }]);
    // Still due later: a sweep that did not run on the day catches up.
    expect(dueReReviews([approved], new Date('2027-02-01T00:00:00.000Z')).map((d) => d.decisionId)).toEqual(['c1']);
  });

  it('agrees with the package state: listed exactly when deriveWorkflowState says re-review due', () => {
    for (const at of ['2026-06-29T12:00:00Z', '2026-06-30T12:00:00Z']) {
      const now = new Date(at);
      const state = deriveWorkflowState(template, approved.versions, approved.decisions, now);
      expect(dueReReviews([approved], now).length > 0).toBe(state.reReviewDue);
    }
  });

  it('leaves out decisions already noticed', () => {
    expect(dueReReviews([approved], new Date('2026-07-01T00:00:00Z'), new Set(['c1']))).toEqual([]);
  });

  it('ignores plain approvals, rejections and approvals that went stale', () => {
    const plain = pkg('p2', [decide('a2', 'dg', 'approve'), decide('a3', 'mrm', 'approve')]);
    const rejected = pkg('p3', [decide('a4', 'dg', 'approve'), decide('r1', 'mrm', 'reject')]);
    // Version 2 changes the metrics, the model risk step's section: its conditional approval is stale.
    const v2: VersionFacts = { number: 2, submittedAt: '2026-01-05T09:00:00.000Z', sectionDigests: { data: 'd1', metrics: 'm2' } };
    const stale = pkg('p4', [decide('a5', 'dg', 'approve'), decide('c2', 'mrm', 'approve_with_conditions', { day: 3, reReviewOn: '2026-02-01' })], [v1, v2]);
    expect(dueReReviews([plain, rejected, stale], new Date('2027-01-01T00:00:00Z'))).toEqual([]);
  });

  it('keeps a conditional approval of an unchanged step standing across versions', () => {
    const v2: VersionFacts = { number: 2, submittedAt: '2026-01-05T09:00:00.000Z', sectionDigests: { data: 'd2', metrics: 'm1' } };
    const kept = pkg('p5', [decide('a6', 'dg', 'approve'), decide('c3', 'mrm', 'approve_with_conditions', { day: 3, reReviewOn: '2026-02-01' })], [v1, v2]);
    expect(dueReReviews([kept], new Date('2026-02-01T08:00:00Z')).map((d) => [d.decisionId, d.versionNumber])).toEqual([['c3', 1]]);
  });

  it('lists each due decision once, ordered by date then package', () => {
    const early = pkg('p7', [decide('e1', 'dg', 'approve_with_conditions', { reReviewOn: '2026-03-01' }), decide('e2', 'mrm', 'approve_with_conditions', { day: 3, reReviewOn: '2026-04-01' })]);
    const due = dueReReviews([approved, early], new Date('2026-12-31T00:00:00Z'));
    expect(due.map((d) => [d.packageId, d.decisionId, d.role])).toEqual([
      ['p7', 'e1', 'data_governance'],
      ['p7', 'e2', 'model_risk'],
      ['p1', 'c1', 'model_risk'],
    ]);
  });
});
