// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StepState } from '#domain/contracts/packages.ts';
import { StepChain } from './step-chain.tsx';

const approval = (reReviewOn: string | null) => ({ actor: { id: 'u', displayName: 'Dana Whitfield', title: '' }, decidedAt: '2026-01-02T09:00:00.000Z', versionNumber: 1, withConditions: reReviewOn !== null, reReviewOn });
const step = (key: string, reReviewDue: boolean, reReviewOn: string | null): StepState => ({
  key,
  name: key,
  role: 'fair_lending',
  approvalsRequired: 1,
  status: 'approved',
  approvals: [approval(reReviewOn)],
  staleApprovals: [],
  activatedAt: null,
  dueAt: null,
  overdue: false,
  reReviewDue,
});

describe('step chain', () => {
  it('says "re-review due" on a step whose approval with conditions reached its date, and only there', () => {
    render(<StepChain steps={[step('First', false, null), step('Second', true, '2026-03-01')]} decisions={[]} now={new Date('2026-03-02T00:00:00Z')} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).not.toHaveTextContent('Re-review due');
    expect(items[1]).toHaveTextContent(/Re-review due: .*\(.*2026.*\)\./);
  });

  it('says "Approved with conditions" on a step so approved, and shows the conditions under the decision', () => {
    const decision = {
      id: 'd1',
      packageId: 'p',
      versionNumber: 1,
      stepKey: 'Second',
      actor: { id: 'u', displayName: 'Dana Whitfield', title: '' },
      decision: 'approve_with_conditions' as const,
      meaning: 'Approved with conditions',
      reason: '',
      conditions: { scope: 'personal loans only', reReviewOn: '2026-09-01', text: 'Monthly monitoring by age band.' },
      concerns: [],
      contentHash: 'h',
      decidedAt: '2026-01-02T09:00:00.000Z',
    };
    const { container } = render(<StepChain steps={[step('First', false, null), step('Second', false, '2026-09-01')]} decisions={[decision as never]} now={new Date('2026-03-02T00:00:00Z')} />);
    const items = within(container).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Fair lendingApproved$/);
    expect(items[1]).toHaveTextContent('Approved with conditions');
    expect(items[1]).toHaveTextContent(/Conditions: limited to personal loans only; re-review by .*2026/);
    expect(items[1]).toHaveTextContent('Monthly monitoring by age band.');
  });

  it('says a kept approval on the latest version no longer stands because the chain moved, not because a version changed (0193)', () => {
    const kept = approval(null);
    const reopened: StepState = { ...step('Model risk', false, null), status: 'active', approvals: [], staleApprovals: [kept] };
    const decision = { id: 'd2', packageId: 'p', versionNumber: 1, stepKey: 'Model risk', role: 'fair_lending', actor: kept.actor, decision: 'approve' as const, meaning: 'Approved', reason: '', conditions: null, concerns: [], contentHash: 'h', decidedAt: kept.decidedAt };
    const { container } = render(<StepChain steps={[reopened]} decisions={[decision as never]} now={new Date('2026-03-02T00:00:00Z')} latestVersion={1} />);
    expect(container).toHaveTextContent('no longer stands: the chain moved to a step that answers for sections its step did not');
    expect(container).not.toHaveTextContent('a later version changed');
  });
});

describe('StepChain, a reason the server states (0193 amendment)', () => {
  it('shows why a kept approval no longer counts under the chain in force’s segregation of duties', () => {
    const reason = 'the chain moved to one whose segregation of duties does not let it count: Marcus already decided Data governance of this package';
    const kept = { ...approval(null), staleReason: reason };
    const reopened: StepState = { ...step('Model risk', false, null), status: 'active', approvals: [], staleApprovals: [kept] };
    const decision = { id: 'd3', packageId: 'p', versionNumber: 1, stepKey: 'Model risk', role: 'fair_lending', actor: kept.actor, decision: 'approve' as const, meaning: 'Approved', reason: '', conditions: null, concerns: [], contentHash: 'h', decidedAt: kept.decidedAt };
    const { container } = render(<StepChain steps={[reopened]} decisions={[decision as never]} now={new Date('2026-03-02T00:00:00Z')} latestVersion={1} />);
    expect(container).toHaveTextContent(`no longer stands: ${reason}`);
    expect(container).not.toHaveTextContent('answers for sections');
  });
});
