import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import type { Decision } from '#domain/contracts/decisions.ts';
import type { StoredAuditEntry } from './audit.ts';
import type { StoredPackage, StoredVersionFacts } from './packages.ts';
import type { StoredThread } from './threads.ts';

// The notifications slice of the storage port: how far each user has read, as an audit seq,
// and what a poll reads, each asked at once (decision records 0146, 0189).

/** The log as a poll sees it: its size, the entries after a seq, and a key of the display names, from one snapshot. */
export interface NotificationLogHead {
  size: number;
  /** Oldest first, at most the limit asked; with the size, from the same read (so all of them when there are no more than the limit). */
  entries: StoredAuditEntry[];
  /** Changes whenever any user's id or display name does (an opaque text: compare it, do not read it). */
  namesKey: string;
  /** The reader's last read seq as of the same read (0 when they never marked anything read, or no reader was named). */
  lastReadSeq: number;
  /**
   * When asked for (`rowsOf`) and the store reads them in the same read (PostgreSQL): the rows
   * of every package the entries name, with their entries of the actions asked, as of the same
   * snapshot. Only when `entries` are every entry after the seq, and name at least one and at
   * most `notificationRowsLimit` subjects; absent otherwise (decision record 0217).
   */
  rows?: NotificationPackageRows;
}

/** The most subjects whose rows a log read brings with it (a poll reads more in reads of their own). */
export const notificationRowsLimit = 50;

/** What a poll derives the notifications of a few packages from. */
export interface NotificationPackageRows {
  packages: { pkg: StoredPackage; template: WorkflowTemplate }[];
  versions: StoredVersionFacts[];
  decisions: Decision[];
  threads: StoredThread[];
  /** Their entries with one of the actions asked, oldest first. */
  entries: StoredAuditEntry[];
}

export interface NotificationsStore {
  /** The user's last read audit seq; 0 when they never marked anything read. */
  findNotificationReadSeq(userId: string): Promise<number>;
  /** Raises the user's last read seq to `seq`; never lowers it (false when it was not raised). */
  raiseNotificationReadSeq(userId: string, seq: number, at: string): Promise<boolean>;
  /**
   * The log's size, at most `limit` entries after `afterSeq`, the names' key and `readerId`'s last
   * read seq, in one read (one statement on PostgreSQL while there are no more than 100 entries
   * to read, decision record 0203). With `rowsOf` (actions), a store may bring the named
   * packages' rows with it (`rows`, decision record 0217).
   */
  readNotificationLog(afterSeq: number, limit: number, readerId?: string, rowsOf?: readonly string[]): Promise<NotificationLogHead>;
  /**
   * The packages among `ids` with their workflow templates (ids that name no package are left
   * out): a poll's packages to derive again (decision record 0146).
   */
  listPackagesWithTemplates(ids: readonly string[]): Promise<{ pkg: StoredPackage; template: WorkflowTemplate }[]>;
  /** The packages among `ids` with their templates, versions, decisions, threads and the entries about them with one of `actions`, in one read. */
  listNotificationPackages(ids: readonly string[], actions: readonly string[]): Promise<NotificationPackageRows>;
}
