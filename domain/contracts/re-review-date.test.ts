import { describe, expect, it } from 'vitest';
import { reReviewDateProblem } from './decisions.ts';

describe('the re-review date of a new approval with conditions', () => {
  const now = new Date('2026-12-04T21:00:00.000Z');

  it('may be today or up to three years ahead', () => {
    expect(reReviewDateProblem('2026-12-04', now)).toBeNull();
    expect(reReviewDateProblem('2027-06-30', now)).toBeNull();
    expect(reReviewDateProblem('2029-12-04', now)).toBeNull();
  });

  it('is refused in the past or further ahead (9999-12-31)', () => {
    expect(reReviewDateProblem('2026-12-03', now)).toBe('The re-review date is already past; give 2026-12-04 or later');
    expect(reReviewDateProblem('2029-12-05', now)).toBe('The re-review date may be at most 3 years ahead (2029-12-04 at the latest)');
    expect(reReviewDateProblem('9999-12-31', now)).toMatch(/at most 3 years ahead/);
  });
});
