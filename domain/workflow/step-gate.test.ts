import { describe, expect, it } from 'vitest';
import type { Decision } from '../contracts/decisions.ts';
import { defaultTemplates } from './default-templates.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import { stepNotActionable } from './step-gate.ts';

const credit = defaultTemplates.find((t) => t.key === 'consumer-credit');
if (!credit) throw new Error('consumer-credit template missing');
const v1: VersionFacts = { number: 1, submittedAt: '2026-01-01T09:00:00.000Z', sectionDigests: {} };

const approval = (stepKey: string, reReviewOn: string | null): Decision => ({
  id: stepKey,
  packageId: 'p',
  versionNumber: 1,
  stepKey,
  role: 'data_governance',
  decision: reReviewOn ? 'approve_with_conditions' : 'approve',
  meaning: '',
  reason: '',
  conditions: reReviewOn ? { scope: 'Prime only', reReviewOn, text: '' } : null,
  concerns: [],
  actor: { id: `u-${stepKey}`, displayName: stepKey, title: '' },
  contentHash: 'a'.repeat(64),
  decidedAt: '2026-01-02T09:00:00.000Z',
});

describe('stepNotActionable', () => {
  it('lets only the active step act, and names the step a later one waits for', () => {
    const state = deriveWorkflowState(credit, [v1], [approval('data_governance', null)], new Date('2026-01-03T00:00:00Z'));
    const [dg, mrm, fl] = state.steps;
    if (!dg || !mrm || !fl) throw new Error('four steps');
    expect(stepNotActionable(state, mrm)).toBeNull();
    expect(stepNotActionable(state, fl)).toBe('Fair lending is not active yet: waiting for Model risk management.');
    expect(stepNotActionable(state, dg)).toBe('Data governance is already approved: there is nothing to decide on it now.');
  });
});

describe('re-review due', () => {
  const decisions = [approval('data_governance', '2026-03-01')];
  it('is not due the day before its date, and due from that day on', () => {
    expect(deriveWorkflowState(credit, [v1], decisions, new Date('2026-02-28T23:59:00Z')).reReviewDue).toBe(false);
    const due = deriveWorkflowState(credit, [v1], decisions, new Date('2026-03-01T00:00:00Z'));
    expect(due.reReviewDue).toBe(true);
    expect(due.steps.map((s) => s.reReviewDue)).toEqual([true, false, false, false]);
    expect(due.steps[0]?.approvals[0]?.reReviewOn).toBe('2026-03-01');
  });
});
