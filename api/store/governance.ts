import type { GovernanceFigureKey, GovernanceList } from '#domain/contracts/governance.ts';

// The governance metrics slice of the storage port (docs/decisions/0117): the package sets the
// committee dashboard counts, each one WHERE clause that the count and the list share, so a
// figure and the list its link opens cannot disagree. Counted in the database: the dashboard
// reads a handful of numbers, not the inventory.

/** The lists decided by stored rows alone (the others are workflow states, derived in domain/). */
export type StoredGovernanceList = Extract<GovernanceList, 'current' | 'complete' | 'assessed' | 'blocking_failed' | 'overridden'>;

/** Monthly counts ('YYYY-MM' → n) of what happened, from `from` (an ISO time) on. */
export type MonthlyCounts = Record<string, number>;

export interface GovernanceTrends {
  /** Packages submitted (new models and new model versions), per risk tier. */
  submittedByTier: Record<1 | 2 | 3 | 4, MonthlyCounts>;
  /** Versions submitted (the first and every resubmission). */
  versionsSubmitted: MonthlyCounts;
  /** Versions checked against a policy with nothing required missing. */
  completeVersions: MonthlyCounts;
  /** Versions that entered review flagged with blocking failures. */
  flaggedVersions: MonthlyCounts;
  /** Risk assessments recorded. */
  assessments: MonthlyCounts;
  /** Tier overrides confirmed, and approvals signed over a blocker. */
  overrides: MonthlyCounts;
  /** Packages with a version submitted in the month: new packages (new models, new model versions) and resubmissions (decision record 0156). */
  changes: MonthlyCounts;
  /** Approvals rolled back (docs/decisions/0135), as the audit log has them. */
  rollbacks: MonthlyCounts;
}

export type GovernanceCounts = Record<StoredGovernanceList, number> & {
  /** The models (`current`) per risk tier; a tier with none is absent. */
  byTier: Partial<Record<number, number>>;
};

/** A figure's value at the close of a month (docs/decisions/0136); append-only. */
export interface StoredGovernanceSnapshot {
  /** 'YYYY-MM' */
  month: string;
  figure: GovernanceFigureKey;
  value: number;
  takenAt: string;
}

export interface GovernanceStore {
  /** Records a month's snapshot rows once: those already there (by an earlier pass or another instance) are left as they are. Returns how many were written. */
  insertGovernanceSnapshots(rows: readonly StoredGovernanceSnapshot[]): Promise<number>;
  /** The snapshot rows from `fromMonth` ('YYYY-MM') on. */
  listGovernanceSnapshots(fromMonth: string): Promise<StoredGovernanceSnapshot[]>;
  /**
   * How many packages each stored list holds, in one pass over the models: rows that change only
   * with an audit entry in the same transaction (decision record 0177), so the count can be kept by the log's size.
   */
  governanceCounts(): Promise<GovernanceCounts>;
  /**
   * The `approved` list's size (domain/governance inDerivedList): models whose newest package's
   * summary has one of `approvedStatuses` and was not rolled back (decision records 0145, 0177).
   * Apart from governanceCounts: it reads the summary table, which the clock also rewrites.
   */
  countApprovedModels(approvedStatuses: readonly string[]): Promise<number>;
  /** The ids of the packages the list holds (the inventory's filter). */
  governanceListIds(list: StoredGovernanceList): Promise<string[]>;
  governanceTrends(from: string): Promise<GovernanceTrends>;
  /** The ids of the packages with a version submitted at or after `fromAt` (an ISO time): the `changed` list and its figure. */
  packagesSubmittedSince(fromAt: string): Promise<string[]>;
  /** Per month ('YYYY-MM') from `from` (an ISO time): the largest tree size of the heads published in it, i.e. the last one's (sizes only grow). */
  treeHeadSizesByMonth(from: string): Promise<MonthlyCounts>;
}
