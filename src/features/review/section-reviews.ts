import type { Actor } from '#domain/contracts/decisions.ts';
import type { SectionReview } from '#domain/contracts/threads.ts';

/** Which section of which version a mark is about. */
export interface SectionMark {
  packageId: string;
  versionNumber: number;
  sectionKey: string;
}

/** Where each section of one version stands, as the signed-in reviewer sees it. */
export interface SectionReviewState {
  reviewedByMe: boolean;
  /** Other reviewers who marked the section, in the order they did. */
  others: Actor[];
}

export function isSameMark(review: SectionReview, mark: SectionMark, reviewerId: string): boolean {
  return review.versionNumber === mark.versionNumber && review.sectionKey === mark.sectionKey && review.reviewer.id === reviewerId;
}

/** Each section of a version (by key) with its marks; marks on other versions do not count. */
export function reviewStateBySection(reviews: readonly SectionReview[], versionNumber: number, sectionKeys: readonly string[], viewerId: string | null): Map<string, SectionReviewState> {
  const states = new Map<string, SectionReviewState>(sectionKeys.map((key) => [key, { reviewedByMe: false, others: [] }]));
  for (const review of reviews) {
    if (review.versionNumber !== versionNumber) continue;
    const state = states.get(review.sectionKey);
    if (!state) continue;
    if (review.reviewer.id === viewerId) state.reviewedByMe = true;
    else if (!state.others.some((actor) => actor.id === review.reviewer.id)) state.others.push(review.reviewer);
  }
  return states;
}

/** How many of the version's sections the signed-in reviewer has marked. */
export function countReviewedByMe(states: ReadonlyMap<string, SectionReviewState>): number {
  let count = 0;
  for (const state of states.values()) if (state.reviewedByMe) count += 1;
  return count;
}
