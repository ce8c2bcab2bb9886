import type { Actor } from '#domain/contracts/decisions.ts';
import type { FindingEvent, FindingSeverity, FindingStatus, FindingType, RiskAcceptance } from '#domain/contracts/findings.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { TextQuoteSelector } from '#domain/contracts/threads.ts';

// The findings slice of the storage port: findings and their append-only history.

export interface StoredFinding {
  id: string;
  packageId: string;
  versionNumber: number;
  sectionKey: string;
  anchor: TextQuoteSelector | null;
  title: string;
  description: string;
  severity: FindingSeverity;
  type: FindingType;
  ownerId: string;
  dueDate: string;
  remediationPlan: string;
  status: FindingStatus;
  raisedBy: Actor;
  raisedRole: Role;
  acceptance: RiskAcceptance | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredFindingEvent extends FindingEvent {
  id: string;
  findingId: string;
  /** The finding's revision after this event (0 when raised). */
  position: number;
}

/** One page of the register, filtered and ordered in the database (the order of domain/findings/register.ts). */
export interface FindingRegisterFilter {
  /** Only packages of this owner (a model owner sees their own); null: every package. */
  packageOwnerId: string | null;
  severity?: FindingSeverity | undefined;
  status?: FindingStatus | undefined;
  ownerId?: string | undefined;
  modelKey?: string | undefined;
  /** Past its due date on `today` and not closed (true), or not (false). */
  overdue?: boolean | undefined;
  /** Accepted as a risk and the acceptance's expiresOn is before `today` (true), or not (false). */
  acceptanceExpired?: boolean | undefined;
  today: string;
  sort: 'due' | 'severity' | 'raised' | 'updated';
  limit: number;
  offset: number;
}

/** A reminder sent to a finding's owner: due within a week, or past due. Append-only. */
export interface StoredFindingDueNotice {
  findingId: string;
  stage: 'due_soon' | 'overdue';
  packageId: string;
  dueDate: string;
  noticedAt: string;
}

export interface FindingsStore {
  /** Records a reminder once: false, writing nothing, when it was recorded already (by this or another instance). */
  insertFindingDueNotice(notice: StoredFindingDueNotice): Promise<boolean>;
  listFindingDueNotices(): Promise<StoredFindingDueNotice[]>;
  findingRegisterPage(filter: FindingRegisterFilter): Promise<{ items: StoredFinding[]; total: number }>;
  listFindings(packageIds: readonly string[] | 'all'): Promise<StoredFinding[]>;
  /**
   * The committee dashboard's findings (decision record 0145), of packages with a summary: the
   * unresolved ones counted by severity, and only those it lists: unresolved and due before
   * `today`, or accepted with an acceptance expiring on or before `horizon` (both YYYY-MM-DD).
   */
  dashboardFindings(today: string, horizon: string): Promise<{ openBySeverity: Partial<Record<StoredFinding['severity'], number>>; listed: StoredFinding[] }>;
  findFinding(id: string): Promise<StoredFinding | null>;
  insertFinding(finding: StoredFinding): Promise<void>;
  /**
   * Writes a transition made on revision `finding.revision - 1`; false (nothing written) when
   * the stored finding is no longer at that revision: another transition came first.
   */
  updateFinding(finding: StoredFinding): Promise<boolean>;
  listFindingEvents(findingIds: readonly string[]): Promise<StoredFindingEvent[]>;
  insertFindingEvent(event: StoredFindingEvent): Promise<void>;
}
