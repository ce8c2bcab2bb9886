import type { Role } from '#domain/contracts/roles.ts';
import { useActingRoles } from '#src/lib/use-viewer.ts';
import { usePackageTotal } from '../api/get-packages.ts';
import { headlineTab } from '../tabs.ts';

/** None while signing out. */
const noRoles: readonly Role[] = [];

/**
 * "Inbox (2)" in the navigation, read as "Inbox, 2 awaiting your decision": the count of the
 * tab that asks something of this user (their decisions, or an owner's clarifications).
 */
export function InboxNavLabel() {
  const roles = useActingRoles() ?? noRoles;
  const tab = headlineTab(roles);
  // Counted by the server over the whole list (the tab's total, decision record 0140).
  const total = usePackageTotal({ tab: tab?.id ?? 'all' });
  if (!tab || total.data === undefined) return <>Inbox</>;
  const count = total.data;
  const meaning = tab.id === 'clarifications' ? `${count} ${count === 1 ? 'clarification' : 'clarifications'} for you` : `${count} awaiting your decision`;
  return (
    <>
      Inbox<span aria-hidden="true"> ({count})</span>
      <span className="sr-only">, {meaning}</span>
    </>
  );
}
