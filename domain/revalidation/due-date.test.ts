import { describe, expect, it } from 'vitest';
import { addMonths, dueWithin, revalidationDueOn } from './due-date.ts';

const months = { '1': 12, '2': 24, '3': 36, '4': 48 };

describe('revalidation due date', () => {
  it('adds the tier’s months to the approval day', () => {
    expect(revalidationDueOn('2026-12-05', months, 1)).toBe('2027-12-05');
    expect(revalidationDueOn('2026-12-05', months, 2)).toBe('2028-12-05');
    expect(revalidationDueOn('2026-12-05', months, 4)).toBe('2030-12-05');
  });

  it('keeps to the target month when it is shorter', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts a due date as within a window up to and including its last day, overdue ones too', () => {
    expect(dueWithin('2027-01-04', '2026-12-05', 30)).toBe(true);
    expect(dueWithin('2027-01-05', '2026-12-05', 30)).toBe(false);
    expect(dueWithin('2026-01-01', '2026-12-05', 30)).toBe(true);
    expect(dueWithin('2027-03-05', '2026-12-05', 90)).toBe(true);
    expect(dueWithin('2027-03-06', '2026-12-05', 90)).toBe(false);
  });
});
