import type { InboxTabSelection } from '#domain/package/inbox-tabs.ts';
import type { PackageStatus, PackageSummary, StepState } from '#domain/contracts/packages.ts';

// The package summaries slice of the storage port (decision record 0129): the inbox's and the
// dashboard's rows, recomputed when an audit entry names their package or the clock passes
// their `validUntil`, then read by SQL with the inbox's filters, order and keyset cursor.

/** A row that must be recomputed, with the mark count its recomputation answers to. */
export interface SummaryToRefresh {
  packageId: string;
  changes: number;
  /** Its `validUntil` as listed: rows are rewritten earliest first (0183). */
  validUntil: string | null;
}

/** The table's next clock change: its instant (ISO) and the rows due then. */
export interface SummaryClockMark {
  at: string;
  rows: number;
}

export interface SummaryWrite {
  packageId: string;
  /** The mark count read before the facts were: the row is written only if it is still this. */
  changes: number;
  summary: PackageSummary;
  steps: readonly StepState[];
  /** The next instant (ISO) at which the clock alone changes the summary; null: never. */
  validUntil: string | null;
}

/** Where a page of the inbox starts: after this row in newest-first order. */
export interface SummaryKey {
  updatedAt: string;
  id: string;
}

export interface SummaryPageQuery {
  /** Only this owner's packages (a model owner without another role); null: every package. */
  ownerId: string | null;
  status?: PackageStatus;
  /** Any of these statuses (a governance list decided by workflow state). */
  statuses?: readonly PackageStatus[];
  riskTier?: number;
  modelKey?: string;
  stepRole?: string;
  stepOverdue?: boolean;
  reReviewDue?: boolean;
  /** Revalidation due on or before this date (YYYY-MM-DD). */
  revalidationDueBy?: string;
  /** Only approvals a condition of which lapsed (the dashboard's list, decision record 0159). */
  conditionsLapsed?: true;
  /** Only these packages (a governance list decided by stored rows). */
  onlyIds?: ReadonlySet<string>;
  /** One tab of the inbox: `roles` are the caller's acting roles (awaiting: my step; waiting: not mine). */
  tab?: InboxTabSelection;
  after: SummaryKey | null;
  limit: number;
}

/**
 * A summary as the table holds it: the JSON text writeSummaries wrote (from summarize), sent
 * as it is, never parsed again (decision records 0145, 0148), beside the columns every list of
 * them is ordered by: the inbox by `updatedAt` then id, the dashboard's pending list by
 * `submittedAt`, its overdue list by `stepDueAt` (and `stepOverdue` selects it). One shape for
 * every reader, so a list cannot be ordered by a key its query left out.
 */
export interface SummaryText extends SummaryKey {
  submittedAt: string;
  stepDueAt: string | null;
  stepOverdue: boolean;
  json: string;
}

export interface StoredSummaryRow {
  summary: PackageSummary;
  steps: StepState[];
}

export interface PackageSummariesStore {
  /** Marks the packages' summaries stale (called by the audit append for the package it names). */
  markSummariesStale(packageIds: readonly string[]): Promise<void>;
  /** The rows stale or past their `validUntil` at `now` (ISO). */
  listSummariesToRefresh(now: string): Promise<SummaryToRefresh[]>;
  /** Writes each recomputed row unless it was marked again since its `changes` was read. */
  writeSummaries(rows: readonly SummaryWrite[]): Promise<void>;
  /**
   * The page pageSummaries reads, or null when any row is stale or past its `validUntil` at
   * `now` (refresh, then read the page): one read, one statement on PostgreSQL (decision record
   * 0189). Without `onlyIds`.
   */
  pageSummariesIfFresh(query: Omit<SummaryPageQuery, 'onlyIds'>, now: string): Promise<SummaryText[] | null>;
  /** A page of summaries, newest first; `limit` + 1 rows when there are more. */
  pageSummaries(query: SummaryPageQuery): Promise<SummaryText[]>;
  /** How many summaries match the query's filters in all (its cursor and limit aside). */
  countSummaries(query: Omit<SummaryPageQuery, 'after' | 'limit'>): Promise<number>;
  /** The summaries of these packages with their steps, by package id: the dashboard's decisions' packages. */
  listSummaryRows(ids: ReadonlySet<string>): Promise<StoredSummaryRow[]>;
  /**
   * The earliest `validUntil` of the table (ISO) and how many rows have it, null when no row has
   * one: until then the clock changes no summary, so what is counted over them holds at the same
   * log size (decision record 0177). A refresh by another instance (its clock ahead) writes the
   * earliest rows first, so its first write changes this, though it appends no audit entry (0183).
   */
  nextSummaryChange(): Promise<SummaryClockMark | null>;
  /** Per risk tier, what the committee dashboard counts over every summary (decision record 0145). */
  summaryTierCounts(statuses: { pending: readonly PackageStatus[]; approved: readonly PackageStatus[] }): Promise<SummaryTierCounts[]>;
  /**
   * The first `limit` summaries of one of the dashboard's package lists, in the list's order
   * (comparePending, compareOverdue, by id), as stored (JSON text): read from the list's own
   * index, so the cost is the page's, not the list's (decision record 0159).
   */
  firstSummaryTexts(list: DashboardSummaryList, limit: number): Promise<string[]>;
}

/** The dashboard's package lists: pending (pendingStatuses), overdue (pending, step past due), approvals with a lapsed condition. */
export type DashboardSummaryList = 'pending' | 'overdue' | 'conditionsLapsed';

export interface SummaryTierCounts {
  riskTier: number;
  /** Distinct model keys. */
  models: number;
  pending: number;
  approved: number;
  rejected: number;
  /** Pending, with the current step past its due time. */
  overdue: number;
  /** Not rejected, with a re-review due. */
  reReviewDue: number;
}
