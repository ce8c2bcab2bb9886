import { describe, expect, it } from 'vitest';
import type { PackageSummary } from '#domain/contracts/packages.ts';
import { summaryFixture } from '#src/test/package-summary.ts';
import { sortForInbox } from './sort-packages.ts';

function pkg(id: string, step: { dueAt: string | null; overdue: boolean } | null, updatedAt = '2025-03-01T00:00:00.000Z'): PackageSummary {
  return summaryFixture(id, {
    currentStep: step ? { key: 'k', name: 'Step', role: 'model_risk', ...step } : null,
    ...(step ? { turn: { party: 'reviewer', stepKey: 'k', reason: 'step_active', unanswered: 0 } } : {}),
    updatedAt,
  });
}

describe('sortForInbox', () => {
  it('puts overdue first, then the soonest due, then packages without a due date', () => {
    const items = [
      pkg('done', null, '2025-03-05T00:00:00.000Z'),
      pkg('later', { dueAt: '2025-03-20T00:00:00.000Z', overdue: false }),
      pkg('late', { dueAt: '2025-03-02T00:00:00.000Z', overdue: true }),
      pkg('soon', { dueAt: '2025-03-11T00:00:00.000Z', overdue: false }),
      pkg('older-done', null, '2025-03-04T00:00:00.000Z'),
    ];
    expect(sortForInbox(items).map((p) => p.id)).toEqual(['late', 'soon', 'later', 'done', 'older-done']);
  });

  it('does not change the list it is given', () => {
    const items = [pkg('b', null), pkg('a', { dueAt: '2025-03-02T00:00:00.000Z', overdue: true })];
    sortForInbox(items);
    expect(items.map((p) => p.id)).toEqual(['b', 'a']);
  });
});
