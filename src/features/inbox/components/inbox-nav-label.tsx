import { loadedPackages, usePackages } from '../api/get-packages.ts';
import { useViewerRoles } from '../api/use-viewer-roles.ts';
import { countIn, headlineTab } from '../tabs.ts';

const noFilters = {};

/**
 * "Inbox (2)" in the navigation, read as "Inbox, 2 awaiting your decision": the count of the
 * tab that asks something of this user (their decisions, or an owner's clarifications).
 */
export function InboxNavLabel() {
  const roles = useViewerRoles();
  const packages = usePackages(noFilters);
  const tab = headlineTab(roles);
  if (!tab || !packages.data) return <>Inbox</>;
  // Counted over the pages loaded (the first, unless the inbox loaded more).
  const count = countIn(tab.id, loadedPackages(packages.data), roles);
  const meaning = tab.id === 'clarifications' ? `${count} ${count === 1 ? 'clarification' : 'clarifications'} for you` : `${count} awaiting your decision`;
  return (
    <>
      Inbox<span aria-hidden="true"> ({count})</span>
      <span className="sr-only">, {meaning}</span>
    </>
  );
}
