// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
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
});
