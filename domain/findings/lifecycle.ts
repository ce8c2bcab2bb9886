import { type Role, roleInProse } from '../contracts/roles.ts';
import { findingStatusLabels, type FindingSeverity, type FindingStatus } from '../contracts/findings.ts';

// A finding's lifecycle and who moves it (decision record 0073). The owner team (the package's
// owner and whoever submitted a version) proposes a remediation and says it is done; the role
// that raised the finding (its author, another holder of the role, or a delegate acting for it
// now) verifies it, accepts its risk, or sends it back. The owner team never closes its own
// finding, even if one of them also holds the raising role.

type Party = 'owner_team' | 'raising_role';

const moves: Record<FindingStatus, Partial<Record<FindingStatus, Party>>> = {
  open: { remediation_proposed: 'owner_team', risk_accepted: 'raising_role' },
  remediation_proposed: { remediated: 'owner_team', open: 'raising_role', risk_accepted: 'raising_role' },
  remediated: { verified: 'raising_role', open: 'raising_role' },
  risk_accepted: { open: 'raising_role' },
  verified: {},
};

/** The statuses a finding in `status` may move to, whoever moves it. */
export function nextStatuses(status: FindingStatus): FindingStatus[] {
  return Object.keys(moves[status]) as FindingStatus[];
}

export interface FindingMover {
  id: string;
  roles: readonly Role[];
  /** Roles the mover acts for now through an active delegation. */
  delegatedRoles: readonly Role[];
}

export type TransitionRefusal =
  /** Not a move from the current status (409 naming `/to`). */
  | { kind: 'status'; message: string }
  /** A move the caller's role may not make (403). */
  | { kind: 'role'; message: string };

/** Why `mover` may not move a finding from `from` to `to`, or null if they may. */
export function transitionRefusal(finding: { status: FindingStatus; raisedRole: Role }, to: FindingStatus, mover: FindingMover, ownerTeam: ReadonlySet<string>): TransitionRefusal | null {
  const party = moves[finding.status][to];
  if (!party) return { kind: 'status', message: `A finding that is ${findingStatusLabels[finding.status].toLowerCase()} cannot become ${findingStatusLabels[to].toLowerCase()}` };
  const inOwnerTeam = ownerTeam.has(mover.id);
  if (party === 'owner_team') return inOwnerTeam ? null : { kind: 'role', message: 'Only the package’s owner team proposes and completes a remediation.' };
  if (inOwnerTeam) return { kind: 'role', message: 'The package’s owner team remediates a finding; a reviewer of the raising role verifies it or accepts its risk.' };
  if (mover.roles.includes(finding.raisedRole) || mover.delegatedRoles.includes(finding.raisedRole)) return null;
  return { kind: 'role', message: `Only a ${roleInProse(finding.raisedRole)} reviewer (the role that raised this finding) may do this.` };
}

/** The role a transition is made in: the owner team's, else the raising role (held or delegated). */
export function moverRole(finding: { raisedRole: Role }, mover: FindingMover, ownerTeam: ReadonlySet<string>): Role {
  return ownerTeam.has(mover.id) ? 'model_owner' : finding.raisedRole;
}

const maxYears = 5;

/** What is wrong with a due or expiry date, or null: not before today, at most five years ahead. */
export function futureDateProblem(date: string, today: string, what: string): string | null {
  if (date < today) return `The ${what} is in the past`;
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + maxYears);
  if (date > limit.toISOString().slice(0, 10)) return `The ${what} is more than ${maxYears} years ahead`;
  return null;
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Still owed something: not verified and not accepted as a risk. */
export function isUnresolved(status: FindingStatus): status is 'open' | 'remediation_proposed' | 'remediated' {
  return status === 'open' || status === 'remediation_proposed' || status === 'remediated';
}

export function isOverdue(finding: { status: FindingStatus; dueDate: string }, today: string): boolean {
  return isUnresolved(finding.status) && finding.dueDate < today;
}

/** An accepted risk past its expiry date: it must be looked at again. */
export function isAcceptanceExpired(finding: { status: FindingStatus; acceptance: { expiresOn: string } | null }, today: string): boolean {
  return finding.status === 'risk_accepted' && finding.acceptance !== null && finding.acceptance.expiresOn < today;
}

/** What blocks approval unless a template says otherwise: open critical and high findings. */
export const defaultBlockingSeverities: readonly FindingSeverity[] = ['critical', 'high'];

const severityRank: Record<FindingSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
export function compareSeverity(a: FindingSeverity, b: FindingSeverity): number {
  return severityRank[a] - severityRank[b];
}

/** A finding's owner is reminded this many days (inclusive) before its due date, then again once it is overdue. */
export const dueSoonDays = 7;

export type DueStage = 'due_soon' | 'overdue';

/** Which reminder an unresolved finding is owed on `today`, or null (resolved, or not due within a week). */
export function dueStage(finding: { status: FindingStatus; dueDate: string }, today: string): DueStage | null {
  if (!isUnresolved(finding.status)) return null;
  if (finding.dueDate < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + dueSoonDays);
  return finding.dueDate <= soon.toISOString().slice(0, 10) ? 'due_soon' : null;
}
