import { donePackageStatuses, openPackageStatuses, type InboxTabId, type PackageStatus, type PackageSummary } from '#domain/contracts/packages.ts';

// Which inbox tab a package belongs under (decision record 0140), the one rule: the server's
// summary table selects each tab in SQL (server/db/queries/package-summaries.ts says this
// rule as a WHERE clause); the list answered from the facts in memory, when that table cannot
// be written back, and the client select by this function.

/**
 * A tab as the list selects it: `roles` are the caller's acting roles (their own and those
 * they act for now), `userId` the caller's; 'nothing' is a tab the caller has nothing in by
 * role (“Clarifications for me” for someone who owns no model).
 */
export type InboxTabSelection = { tab: 'awaiting' | 'waiting'; roles: readonly string[]; userId: string; delegatedFrom: readonly DelegatedRole[] } | { tab: 'clarifications' | 'done' | 'nothing' };

/**
 * A role the caller acts in only as a delegate, and the holder a signature in it would be made
 * for (the delegation signing picks, domain/workflow/delegation.ts's actingCapacity).
 */
export interface DelegatedRole {
  role: string;
  delegatorId: string;
}

/** Who asks for a tab: their id, acting roles, and whose delegate they are in the roles they do not hold. */
export interface InboxViewer {
  id: string;
  roles: readonly string[];
  delegatedFrom: readonly DelegatedRole[];
}

const open: readonly PackageStatus[] = openPackageStatuses;
const done: readonly PackageStatus[] = donePackageStatuses;

/** The selection for a tab and the caller's acting roles. */
export function inboxTabSelection(tab: Exclude<InboxTabId, 'all'>, viewer: InboxViewer): InboxTabSelection {
  const { roles } = viewer;
  switch (tab) {
    case 'awaiting':
    case 'waiting':
      return { tab, roles, userId: viewer.id, delegatedFrom: viewer.delegatedFrom };
    case 'clarifications':
      // The model owner's tab: the list shows owners only their own packages, so "theirs" is the list.
      return roles.includes('model_owner') ? { tab } : { tab: 'nothing' };
    case 'done':
      return { tab };
  }
}

type Awaiting = Extract<InboxTabSelection, { tab: 'awaiting' | 'waiting' }>;

/**
 * My step is the current one and it is the reviewers' turn (whose-turn.ts): active, or paused
 * for a clarification the owner has answered; and I did not set the tier, nor is the step's role
 * mine only as the delegate of whoever did: either would leave me unable to approve it (0174,
 * 0183, 0186): it waits on another reviewer of that role.
 */
function awaits(summary: PackageSummary, { roles, userId, delegatedFrom }: Awaiting): boolean {
  if (!open.includes(summary.status) || summary.turn.party !== 'reviewer' || summary.currentStep === null) return false;
  const role = summary.currentStep.role;
  const setters = summary.tierSetBy ?? [];
  return roles.includes(role) && !setters.includes(userId) && !delegatedFrom.some((d) => d.role === role && setters.includes(d.delegatorId));
}

/** Whether a package's summary is in the selected tab. */
export function inTabSelection(summary: PackageSummary, selection: InboxTabSelection): boolean {
  switch (selection.tab) {
    case 'awaiting':
      return awaits(summary, selection);
    case 'waiting':
      // A clarification request waits on the owner, even while the step that asked is mine.
      return open.includes(summary.status) && !awaits(summary, selection);
    case 'clarifications':
      return summary.openClarifications > 0;
    case 'done':
      return done.includes(summary.status);
    case 'nothing':
      return false;
  }
}

/** Whether a package belongs under a tab, for the viewer; every package is under “All”. */
export function inInboxTab(tab: InboxTabId, summary: PackageSummary, viewer: InboxViewer): boolean {
  return tab === 'all' || inTabSelection(summary, inboxTabSelection(tab, viewer));
}
