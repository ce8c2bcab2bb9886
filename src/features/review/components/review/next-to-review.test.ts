import { describe, expect, it } from 'vitest';
import { nextToReview } from './next-to-review.ts';

const keys = ['a', 'b', 'c', 'd'];

describe('nextToReview', () => {
  it('marks the current section and goes to the next one not yet reviewed', () => {
    expect(nextToReview(keys, new Set(['c']), 1)).toEqual({ mark: 'b', next: 3 });
  });

  it('does not mark a section twice, and wraps round to sections left behind', () => {
    expect(nextToReview(keys, new Set(['d']), 3)).toEqual({ mark: null, next: 0 });
    expect(nextToReview(keys, new Set(['a', 'c']), 3)).toEqual({ mark: 'd', next: 1 });
  });

  it('with no current section, goes to the first one not reviewed', () => {
    expect(nextToReview(keys, new Set(['a']), -1)).toEqual({ mark: null, next: 1 });
  });

  it('says there is nothing left once the last one is marked', () => {
    expect(nextToReview(keys, new Set(['a', 'b', 'c']), 3)).toEqual({ mark: 'd', next: null });
  });
});
