import { describe, expect, it } from 'vitest';
import type { ThreadStatus } from '../contracts/threads.ts';
import { approvalBlockers, approvalGateRefusal, describeGateRefusal, overrideOf, overrideProblems, type GateThread } from './approval-gates.ts';

const dana = { id: 'usr_fair_lending', displayName: 'Dana Whitfield', title: 'Fair Lending Officer' };
const thread = (id: string, status: ThreadStatus, change: Partial<GateThread> = {}): GateThread => ({ id, kind: 'clarification', status, versionNumber: 2, sectionKey: 'subgroup_fairness', createdBy: dana, ...change });
const titles = (key: string) => (key === 'subgroup_fairness' ? 'Subgroup fairness' : key);

describe('approvalBlockers', () => {
  it('lists every clarification request on the version, or carried over to it, that is not resolved, answered or not', () => {
    const threads = [
      thread('thr_open', 'open'),
      thread('thr_answered', 'answered'),
      thread('thr_resolved', 'resolved'),
      // Asked on version 1 and still unresolved: it followed the package to version 2.
      thread('thr_v1', 'open', { versionNumber: 1 }),
      thread('thr_v1_resolved', 'resolved', { versionNumber: 1 }),
      thread('thr_v3', 'open', { versionNumber: 3 }),
      thread('thr_comment', 'open', { kind: 'comment' }),
    ];
    expect(approvalBlockers(threads, 2, titles)).toEqual([
      { kind: 'open_clarification', ref: 'thr_open', sectionKey: 'subgroup_fairness', state: 'unanswered', askedBy: dana, description: 'Clarification request by Dana Whitfield on Subgroup fairness: not answered yet' },
      { kind: 'open_clarification', ref: 'thr_answered', sectionKey: 'subgroup_fairness', state: 'answered', askedBy: dana, description: 'Clarification request by Dana Whitfield on Subgroup fairness: answered, not resolved' },
      { kind: 'open_clarification', ref: 'thr_v1', sectionKey: 'subgroup_fairness', state: 'unanswered', askedBy: dana, description: 'Clarification request by Dana Whitfield on Subgroup fairness: not answered yet' },
    ]);
  });
});

describe('approvalGateRefusal', () => {
  const blockers = approvalBlockers([thread('thr_a', 'open'), thread('thr_b', 'answered')], 2, titles);

  it('lets an approval through when nothing blocks it, and never stands in front of other decisions', () => {
    expect(approvalGateRefusal('approve', [], undefined)).toBeNull();
    expect(approvalGateRefusal('reject', blockers, undefined)).toBeNull();
    expect(approvalGateRefusal('request_clarification', blockers, undefined)).toBeNull();
    expect(approvalGateRefusal('emergency_approve', blockers, undefined)).toBeNull();
  });

  it('refuses an approval over blockers without an override, naming each', () => {
    const refusal = approvalGateRefusal('approve_with_conditions', blockers, undefined);
    expect(refusal).toEqual({ kind: 'blocked', blockers });
    expect(refusal && describeGateRefusal(refusal)).toBe(
      '2 open questions block this approval: Clarification request by Dana Whitfield on Subgroup fairness: not answered yet; Clarification request by Dana Whitfield on Subgroup fairness: answered, not resolved. Resolve them first, or override with a reason that is signed with the decision.',
    );
  });

  it('accepts an override that names exactly the blockers standing, and refuses one that is out of date', () => {
    expect(approvalGateRefusal('approve', blockers, overrideOf(blockers, 'Owner confirmed by phone; documented in MRM-88.'))).toBeNull();
    const partial = approvalGateRefusal('approve', blockers, overrideOf(blockers.slice(0, 1), 'Reason'));
    expect(partial).toMatchObject({ kind: 'override_outdated', notOverridden: [{ ref: 'thr_b' }], noLongerBlocking: [] });
    const stale = approvalGateRefusal('approve', [], overrideOf(blockers, 'Reason'));
    expect(stale).toMatchObject({ kind: 'override_outdated', notOverridden: [], noLongerBlocking: ['thr_a', 'thr_b'] });
    expect(stale && describeGateRefusal(stale)).toBe('What blocks this approval changed since you opened the dialog (no longer blocking: thr_a, thr_b). Review the list and sign again.');
  });
});

describe('overrideProblems', () => {
  it('wants a reason, blockers, and an approval', () => {
    expect(overrideProblems('approve', undefined)).toEqual({});
    expect(overrideProblems('approve', { reason: '  ', blockers: [{ kind: 'open_clarification', ref: 'thr_a' }] })).toEqual({ '/override/reason': 'Give the reason for approving over the open questions' });
    expect(overrideProblems('approve', { reason: 'Why', blockers: [] })).toEqual({ '/override/blockers': 'Name the blockers you override' });
    expect(overrideProblems('reject', { reason: 'Why', blockers: [{ kind: 'open_clarification', ref: 'thr_a' }] })).toEqual({ '/override': 'Only an approval overrides what blocks it' });
    expect(overrideProblems('approve', { reason: '\u200b \u2060', blockers: [{ kind: 'open_clarification', ref: 'thr_a' }] })).toEqual({ '/override/reason': 'Give the reason for approving over the open questions' });
    expect(overrideProblems('approve', { reason: 'Tracked.', blockers: [{ kind: 'open_clarification', ref: 'thr_a' }, { kind: 'open_clarification', ref: 'thr_a' }] })).toEqual({ '/override/blockers': 'Name each blocker once' });
  });
});
