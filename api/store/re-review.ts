// The re-review slice of the storage port.

// One row per approval with conditions whose re-review was noticed; append-only
export interface StoredReReviewNotice {
  decisionId: string;
  packageId: string;
  reReviewOn: string;
  noticedAt: string;
}

export interface ReReviewStore {
  /** Records a decision's re-review notice once: false, writing nothing, when it was recorded already (by this or another instance). */
  insertReReviewNotice(notice: StoredReReviewNotice): Promise<boolean>;
  listReReviewNotices(): Promise<StoredReReviewNotice[]>;
}
