import type { MonitoringAlertResult } from '#domain/contracts/monitoring.ts';
import type { RevalidationMonths } from '#domain/contracts/revalidation.ts';

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

/** A revalidation schedule version (decision record 0114); append-only. */
export interface StoredRevalidationSchedule {
  version: number;
  months: RevalidationMonths;
  publishedBy: string | null;
  publishedAt: string;
}

/** A package's revalidation, scheduled when an approval completed its chain; append-only. `openedAt` comes from its opening row. */
export interface StoredRevalidation {
  decisionId: string;
  packageId: string;
  versionNumber: number;
  tier: number;
  tierSource: 'risk_assessment' | 'declared';
  scheduleVersion: number;
  approvedOn: string;
  dueOn: string;
  ownerId: string;
  scheduledAt: string;
  openedAt: string | null;
}

export interface ReReviewStore {
  /** Every schedule version, oldest first. */
  listRevalidationSchedules(): Promise<StoredRevalidationSchedule[]>;
  /** Publishes a version once: false, writing nothing, when that version number exists already. */
  insertRevalidationSchedule(schedule: StoredRevalidationSchedule): Promise<boolean>;
  /** Schedules a revalidation once per approving decision: false when it was scheduled already. */
  insertRevalidation(revalidation: Omit<StoredRevalidation, 'openedAt'>): Promise<boolean>;
  /**
   * Brings an approval's revalidation forward to a stricter tier's date (0172), once per approval
   * and tier: false, writing nothing, when it was brought to that tier already.
   */
  insertRevalidationAdvance(advance: { decisionId: string; packageId: string; tier: number; dueOn: string; assessment: number; advancedAt: string }): Promise<boolean>;
  /** Revalidations of those packages (or all), oldest scheduled first, with when each was opened; `tier` and `dueOn` are the strictest and earliest an advance gave. */
  listRevalidations(packageIds: readonly string[] | 'all'): Promise<StoredRevalidation[]>;
  /** Opens a due revalidation once: false, writing nothing, when it was opened already (by this or another instance). */
  insertRevalidationOpening(opening: { decisionId: string; packageId: string; openedAt: string }): Promise<boolean>;

  /** Records an alert once: false, writing nothing, when its webhook-id was recorded already (by this or another instance). */
  insertMonitoringAlert(alert: StoredMonitoringAlert): Promise<boolean>;
  findMonitoringAlert(webhookId: string): Promise<StoredMonitoringAlert | null>;
  /** Records a decision's re-review notice once: false, writing nothing, when it was recorded already (by this or another instance). */
  insertReReviewNotice(notice: StoredReReviewNotice): Promise<boolean>;
  listReReviewNotices(): Promise<StoredReReviewNotice[]>;
}
