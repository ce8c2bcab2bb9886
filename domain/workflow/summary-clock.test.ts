import { describe, expect, it } from 'vitest';
import { summaryValidUntil, type SummaryClockFacts } from './summary-clock.ts';

const none: SummaryClockFacts = { currentStepDueAt: null, reReviewDates: [], openObligationDueDates: [], revalidationDueOn: null };
const now = new Date('2026-12-05T13:00:00.000Z');

describe('summaryValidUntil', () => {
  it('is null when nothing in the facts depends on the clock', () => {
    expect(summaryValidUntil(none, now)).toBeNull();
  });

  it('ends the millisecond after the current step falls due (overdue is "now past the due time")', () => {
    expect(summaryValidUntil({ ...none, currentStepDueAt: '2026-12-06T09:30:00.000Z' }, now)?.toISOString()).toBe('2026-12-06T09:30:00.001Z');
  });

  it('ends at the start of a re-review or revalidation day, and the day after an obligation falls due', () => {
    expect(summaryValidUntil({ ...none, reReviewDates: ['2027-01-10'] }, now)?.toISOString()).toBe('2027-01-10T00:00:00.000Z');
    expect(summaryValidUntil({ ...none, revalidationDueOn: '2027-03-01' }, now)?.toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(summaryValidUntil({ ...none, openObligationDueDates: ['2026-12-05'] }, now)?.toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });

  it('takes the first instant ahead and ignores those already past', () => {
    const facts: SummaryClockFacts = {
      currentStepDueAt: '2026-12-01T00:00:00.000Z',
      reReviewDates: ['2026-11-30', '2027-02-01'],
      openObligationDueDates: ['2026-12-20'],
      revalidationDueOn: '2026-12-04',
    };
    expect(summaryValidUntil(facts, now)?.toISOString()).toBe('2026-12-21T00:00:00.000Z');
    expect(summaryValidUntil(facts, new Date('2027-03-01T00:00:00.000Z'))).toBeNull();
  });
});
