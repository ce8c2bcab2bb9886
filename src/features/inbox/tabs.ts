import { donePackageStatuses, inboxTabIds, openPackageStatuses, type InboxTabId, type PackageStatus, type PackageSummary } from '#domain/contracts/packages.ts';
import { isReviewerRole, type Role } from '#domain/contracts/roles.ts';

// The server selects and counts each tab by the same rules (its summary table, decision record
// 0140); inTab states them over one package, for the tests and anything shown beside a list.
export { inboxTabIds, type InboxTabId };

export interface InboxTab {
  id: InboxTabId;
  label: string;
  /** Said when the tab has nothing in it (and no filter is the reason). */
  empty: string;
}

const tabs: Record<InboxTabId, InboxTab> = {
  awaiting: { id: 'awaiting', label: 'Awaiting my decision', empty: 'Nothing awaits your decision.' },
  waiting: { id: 'waiting', label: 'Waiting on others', empty: 'Nothing is waiting on others.' },
  clarifications: { id: 'clarifications', label: 'Clarifications for me', empty: 'No clarifications are waiting for your answer.' },
  done: { id: 'done', label: 'Done', empty: 'No package has been decided yet.' },
  all: { id: 'all', label: 'All', empty: 'There are no packages for you yet.' },
};

const doneStatuses: readonly PackageStatus[] = donePackageStatuses;
// An emergency approved package's chain is its follow-up review: the step's reviewers still decide it.
const openStatuses: readonly PackageStatus[] = openPackageStatuses;

function isMyStep(pkg: PackageSummary, roles: readonly Role[]): boolean {
  return pkg.currentStep !== null && roles.includes(pkg.currentStep.role);
}

/** My step is the current one and it is the reviewers' turn (whose-turn.ts): active, or paused for a clarification the owner has answered. */
function awaitsMe(pkg: PackageSummary, roles: readonly Role[]): boolean {
  return openStatuses.includes(pkg.status) && pkg.turn.party === 'reviewer' && isMyStep(pkg, roles);
}

/** Whether a package belongs under a tab, for someone holding `roles`. */
export function inTab(tab: InboxTabId, pkg: PackageSummary, roles: readonly Role[]): boolean {
  switch (tab) {
    case 'awaiting':
      return awaitsMe(pkg, roles);
    case 'waiting':
      // A clarification request waits on the owner, even while the step that asked is mine.
      return openStatuses.includes(pkg.status) && !awaitsMe(pkg, roles);
    case 'clarifications':
      // The server shows owners only what they may see, so "their packages" is the list itself.
      return roles.includes('model_owner') && pkg.openClarifications > 0;
    case 'done':
      return doneStatuses.includes(pkg.status);
    case 'all':
      return true;
  }
}

/** The tabs a user sees, in order: "Clarifications for me" only for model owners. */
export function tabsFor(roles: readonly Role[]): InboxTab[] {
  return inboxTabIds.filter((id) => id !== 'clarifications' || roles.includes('model_owner')).map((id) => tabs[id]);
}

/**
 * The tab a user lands on: a reviewer's own decisions first; an owner's open clarification
 * requests when there are any; otherwise what the user is waiting for.
 */
export function defaultTab(roles: readonly Role[], openClarifications: number): InboxTabId {
  if (roles.some(isReviewerRole)) return 'awaiting';
  if (roles.includes('model_owner') && openClarifications > 0) return 'clarifications';
  return 'waiting';
}

/** The tab named in the address, if the user may see it; otherwise null (use the default). */
export function parseTab(value: string | null, roles: readonly Role[]): InboxTabId | null {
  return tabsFor(roles).find((tab) => tab.id === value)?.id ?? null;
}

/** The tab whose count goes in the navigation, or null when there is none to show. */
export function headlineTab(roles: readonly Role[]): InboxTab | null {
  if (roles.some(isReviewerRole)) return tabs.awaiting;
  if (roles.includes('model_owner')) return tabs.clarifications;
  return null;
}

export function countIn(tab: InboxTabId, items: readonly PackageSummary[], roles: readonly Role[]): number {
  return items.filter((pkg) => inTab(tab, pkg, roles)).length;
}
