import type { StoredReReviewNotice, StoreTx } from '#api/store.ts';

// Re-review notices in memory: the primary key (one per decision) and the foreign keys the
// database keeps, so the sweep behaves here as on SQLite and PostgreSQL.

export function memoryReReviewNotices(t: { reReviewNotices: StoredReReviewNotice[]; decisions: readonly { id: string; packageId: string }[] }): Pick<StoreTx, 'insertReReviewNotice' | 'listReReviewNotices'> {
  return {
    insertReReviewNotice: (notice) => {
      if (!t.decisions.some((d) => d.id === notice.decisionId && d.packageId === notice.packageId)) throw new Error('FOREIGN KEY constraint failed: re_review_notices.decision_id');
      if (t.reReviewNotices.some((n) => n.decisionId === notice.decisionId)) return Promise.resolve(false);
      t.reReviewNotices.push({ ...notice });
      return Promise.resolve(true);
    },
    listReReviewNotices: () => Promise.resolve([...t.reReviewNotices].sort((a, b) => a.noticedAt.localeCompare(b.noticedAt) || a.decisionId.localeCompare(b.decisionId)).map((n) => ({ ...n }))),
  };
}
