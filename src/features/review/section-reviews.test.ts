import { describe, expect, it } from 'vitest';
import type { SectionReview } from '#domain/contracts/threads.ts';
import { countReviewedByMe, reviewStateBySection } from './section-reviews.ts';

const dana = { id: 'usr_dana', displayName: 'Dana Whitfield', title: 'Fair Lending Officer' };
const elena = { id: 'usr_elena', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

function review(versionNumber: number, sectionKey: string, reviewer: typeof dana): SectionReview {
  return { versionNumber, sectionKey, reviewer, reviewedAt: '2026-01-05T10:00:00.000Z' };
}

describe('reviewStateBySection', () => {
  const keys = ['identification', 'intended_use', 'subgroup_fairness'];

  it('separates my marks from other reviewers’ and ignores other versions and unknown sections', () => {
    const reviews = [review(2, 'identification', dana), review(2, 'identification', elena), review(1, 'intended_use', dana), review(2, 'removed_section', dana), review(2, 'subgroup_fairness', elena)];
    const states = reviewStateBySection(reviews, 2, keys, dana.id);
    expect(states.get('identification')).toEqual({ reviewedByMe: true, others: [elena] });
    expect(states.get('intended_use')).toEqual({ reviewedByMe: false, others: [] });
    expect(states.get('subgroup_fairness')).toEqual({ reviewedByMe: false, others: [elena] });
    expect(states.has('removed_section')).toBe(false);
    expect(countReviewedByMe(states)).toBe(1);
  });

  it('counts nothing as mine when nobody is signed in', () => {
    const states = reviewStateBySection([review(2, 'identification', dana)], 2, keys, null);
    expect(countReviewedByMe(states)).toBe(0);
    expect(states.get('identification')?.others).toEqual([dana]);
  });
});
