import type { Role } from '#domain/contracts/roles.ts';
import { useActingRoles } from '#src/lib/use-viewer.ts';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { loadedPackages, usePackageModels, usePackages, useTabTotals } from '../api/get-packages.ts';
import { hasFilters, parseInboxFilters, withoutFilters, type InboxFilters as Filters } from '../filters.ts';
import { sortForInbox } from '../sort-packages.ts';
import { defaultTab, parseTab, tabsFor, type InboxTab } from '../tabs.ts';
import { InboxFilters } from './inbox-filters.tsx';
import { InboxTabs } from './inbox-tabs.tsx';
import { PackageTable } from './package-table.tsx';

/** None while signing out. */
const noRoles: readonly Role[] = [];

const noModels: readonly (readonly [string, string])[] = [];

export function InboxPage() {
  usePageTitle('Inbox');
  const [searchParams, setSearchParams] = useSearchParams();
  const roles = useActingRoles() ?? noRoles;
  const filters = parseInboxFilters(searchParams);
  // Every model the user may see, not only those of the pages loaded, for the model filter's choices.
  const models = usePackageModels();

  const tabs = tabsFor(roles);
  // Each tab selected and counted by the server over the whole list, with the filters (decision record 0140).
  const counts = useTabTotals(filters, tabs.map((t) => t.id));
  const asked = parseTab(searchParams.get('tab'), roles);
  const clarifications = roles.includes('model_owner') ? counts.clarifications : 0;
  const tabId = asked ?? (clarifications === undefined ? null : defaultTab(roles, clarifications));
  const tab = tabs.find((candidate) => candidate.id === tabId) ?? null;
  const packages = usePackages({ ...filters, tab: tab?.id ?? 'all' });

  const setFilter = (name: keyof Filters, value: string) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      // Each change of a select is not a page the Back button should step through.
      { replace: true },
    );
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>Inbox</PageHeading>
        <p className="text-slate-700">Model approval packages you can see, with the step each one is waiting on.</p>
      </div>
      <InboxFilters filters={filters} onChange={setFilter} models={models.data ?? noModels} />
      {tab && <InboxTabs tabs={tabs} current={tab.id} counts={counts} />}
      <section aria-label="Packages" aria-busy={packages.isFetching || !tab} className="space-y-3">
        <InboxResults packages={packages} tab={tab} total={tab ? counts[tab.id] : undefined} filtered={hasFilters(filters)} clearFilters={withoutFilters(searchParams)} />
      </section>
    </div>
  );
}

interface ResultsProps {
  packages: ReturnType<typeof usePackages>;
  /** Null until the default tab is known. */
  tab: InboxTab | null;
  /** The tab's count over the whole list (every page). */
  total: number | undefined;
  filtered: boolean;
  clearFilters: string;
}

function InboxResults({ packages, tab, total, filtered, clearFilters }: ResultsProps) {
  if (packages.isError) {
    return <ErrorNotice title="The packages could not be loaded." error={packages.error} onRetry={() => void packages.refetch()} retrying={packages.isFetching} />;
  }
  if (packages.isPending || !tab) return <LoadingNotice>Loading packages…</LoadingNotice>;
  const items = sortForInbox(loadedPackages(packages.data));
  const more = packages.hasNextPage ? <LoadMore packages={packages} /> : null;
  if (items.length === 0) {
    return (
      <>
        <div className="rounded-md border border-slate-200 bg-white p-6">
          <p role="status" className="text-lg font-semibold">
            {filtered ? 'No packages match these filters' : tab.empty}
          </p>
          {filtered && (
            <p className="mt-2">
              <Link to={clearFilters}>Clear the filters</Link> to see every package.
            </p>
          )}
        </div>
        {more}
      </>
    );
  }
  // Times are measured from when the list was fetched: the moment the server judged "overdue".
  const now = new Date(packages.dataUpdatedAt);
  return (
    <>
      <p role="status" className="text-slate-700">
        {packages.hasNextPage ? `${items.length} of ${total ?? 'more'} packages shown` : items.length === 1 ? '1 package' : `${items.length} packages`}
        {packages.isPlaceholderData ? ' (updating…)' : ''}
      </p>
      <PackageTable items={items} now={now} />
      {more}
    </>
  );
}

/**
 * The server sends the list a page at a time, newest change first (decision record 0129): the
 * next page is asked for here. A button, so it is reached and pressed by keyboard; the count
 * above it is a status, so a screen reader hears the list grow.
 */
function LoadMore({ packages }: { packages: ReturnType<typeof usePackages> }) {
  return (
    <p>
      <button type="button" className={buttonClasses.secondary} disabled={packages.isFetchingNextPage} onClick={() => void packages.fetchNextPage()}>
        {packages.isFetchingNextPage ? 'Loading more packages…' : 'Load more packages'}
      </button>
    </p>
  );
}
