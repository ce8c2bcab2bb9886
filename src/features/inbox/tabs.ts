import { inboxTabIds, type InboxTabId, type PackageSummary } from '#domain/contracts/packages.ts';
import { inInboxTab, type InboxViewer } from '#domain/package/inbox-tabs.ts';
import { isReviewerRole, type Role } from '#domain/contracts/roles.ts';

// The server selects and counts each tab by the same rule (its summary table, decision record
// 0140); inTab applies it to one package, for anything shown beside a list.
export { inboxTabIds, inInboxTab as inTab, type InboxTabId };

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

export function countIn(tab: InboxTabId, items: readonly PackageSummary[], viewer: InboxViewer): number {
  return items.filter((pkg) => inInboxTab(tab, pkg, viewer)).length;
}
