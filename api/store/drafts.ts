import type { Actor } from '#domain/contracts/decisions.ts';
import type { ReviewDraftKind } from '#domain/contracts/drafts.ts';
import type { TextQuoteSelector } from '#domain/contracts/threads.ts';

// The drafts slice of the storage port: rows private to their author, changed and deleted
// freely until published (review drafts) or submitted (resubmit drafts).

export interface StoredReviewDraft {
  id: string;
  packageId: string;
  author: Pick<Actor, 'id'>;
  versionNumber: number;
  sectionKey: string;
  kind: ReviewDraftKind;
  anchor: TextQuoteSelector | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredResubmitDraft {
  packageId: string;
  authorId: string;
  baseVersion: number;
  baseHash: string;
  /** The draft's content and answers as JSON text. */
  draft: string;
  savedAt: string;
}

export interface DraftsStore {
  /** One author's review drafts on a package, oldest first. */
  listReviewDrafts(packageId: string, authorId: string): Promise<StoredReviewDraft[]>;
  /** A draft by id, whoever wrote it: for telling a probe of someone else's draft from a missing one. */
  findReviewDraft(id: string): Promise<StoredReviewDraft | null>;
  insertReviewDraft(draft: StoredReviewDraft): Promise<void>;
  /** Changes the text of the author's draft; false when they have no such draft. */
  updateReviewDraft(id: string, authorId: string, body: string, updatedAt: string): Promise<boolean>;
  /** Deletes the author's drafts with these ids; how many were deleted. */
  deleteReviewDrafts(ids: readonly string[], authorId: string): Promise<number>;
  findResubmitDraft(packageId: string, authorId: string): Promise<StoredResubmitDraft | null>;
  /** Inserts or replaces the author's one draft on the package. */
  saveResubmitDraft(draft: StoredResubmitDraft): Promise<void>;
  deleteResubmitDraft(packageId: string, authorId: string): Promise<boolean>;
}
