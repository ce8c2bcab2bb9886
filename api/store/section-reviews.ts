import type { Actor } from '#domain/contracts/decisions.ts';

// The section reviews slice of the storage port: who marked which section of a version reviewed.

export interface StoredSectionReview {
  packageId: string;
  versionNumber: number;
  sectionKey: string;
  reviewer: Actor;
  reviewedAt: string;
  /** The version the mark was first made on, when a later version with the section unchanged took it over. */
  carriedFrom?: number | null;
}

export interface SectionReviewsStore {
  listSectionReviews(packageId: string): Promise<StoredSectionReview[]>;
  /** Idempotent: marking twice keeps the first time. */
  insertSectionReview(review: StoredSectionReview): Promise<boolean>;
  deleteSectionReview(packageId: string, versionNumber: number, sectionKey: string, reviewerId: string): Promise<boolean>;
}
