import type { MonitoringAlertResult } from '#domain/contracts/monitoring.ts';

// The re-review slice of the storage port.

// One row per approval with conditions whose re-review was noticed; append-only
export interface StoredReReviewNotice {
  decisionId: string;
  packageId: string;
  reReviewOn: string;
  noticedAt: string;
}

/** A monitoring alert received, by its webhook-id (the idempotency key); append-only. */
export interface StoredMonitoringAlert {
  webhookId: string;
  packageId: string;
  findingId: string;
  result: MonitoringAlertResult;
  receivedAt: string;
}

export interface ReReviewStore {
  /** Records an alert once: false, writing nothing, when its webhook-id was recorded already (by this or another instance). */
  insertMonitoringAlert(alert: StoredMonitoringAlert): Promise<boolean>;
  findMonitoringAlert(webhookId: string): Promise<StoredMonitoringAlert | null>;
  /** Records a decision's re-review notice once: false, writing nothing, when it was recorded already (by this or another instance). */
  insertReReviewNotice(notice: StoredReReviewNotice): Promise<boolean>;
  listReReviewNotices(): Promise<StoredReReviewNotice[]>;
}
