import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import type { StoredAuditEntry } from './audit.ts';
import type { StoredPackage } from './packages.ts';

// The notifications slice of the storage port: how far each user has read, as an audit seq.

export interface NotificationsStore {
  /** The user's last read audit seq; 0 when they never marked anything read. */
  findNotificationReadSeq(userId: string): Promise<number>;
  /** Raises the user's last read seq to `seq`; never lowers it (false when it was not raised). */
  raiseNotificationReadSeq(userId: string, seq: number, at: string): Promise<boolean>;
  /**
   * The packages among `ids` with their workflow templates, in one read (ids that name no
   * package are left out): a poll's packages to derive again (decision record 0146).
   */
  listPackagesWithTemplates(ids: readonly string[]): Promise<{ pkg: StoredPackage; template: WorkflowTemplate }[]>;
  /** The entries with one of `actions` whose subject is one of `ids`, oldest first (by subject: an index). */
  listPackageEntries(ids: readonly string[], actions: readonly string[]): Promise<StoredAuditEntry[]>;
}
