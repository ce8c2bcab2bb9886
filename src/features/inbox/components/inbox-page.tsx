import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../components/ui/error-notice.tsx';
import { LoadingNotice } from '../../../components/ui/loading-notice.tsx';
import { PageHeading } from '../../../components/ui/page-heading.tsx';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { usePackages } from '../api/get-packages.ts';
import { hasFilters, parseInboxFilters, type InboxFilters as Filters } from '../filters.ts';
import { sortForInbox } from '../sort-packages.ts';
import { InboxFilters } from './inbox-filters.tsx';
import { PackageTable } from './package-table.tsx';

export function InboxPage() {
  usePageTitle('Inbox');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseInboxFilters(searchParams);
  const packages = usePackages(filters);

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
      <InboxFilters filters={filters} onChange={setFilter} />
      <section aria-label="Packages" aria-busy={packages.isFetching} className="space-y-3">
        <InboxResults packages={packages} filtered={hasFilters(filters)} />
      </section>
    </div>
  );
}

function InboxResults({ packages, filtered }: { packages: ReturnType<typeof usePackages>; filtered: boolean }) {
  if (packages.isPending) return <LoadingNotice>Loading packages…</LoadingNotice>;
  if (packages.isError) {
    return <ErrorNotice title="The packages could not be loaded." error={packages.error} onRetry={() => void packages.refetch()} retrying={packages.isFetching} />;
  }
  const items = sortForInbox(packages.data.items);
  if (items.length === 0) {
    return (
      <div className="rounded-md border border-slate-200 bg-white p-6">
        <p role="status" className="text-lg font-semibold">
          {filtered ? 'No packages match these filters' : 'There are no packages for you yet'}
        </p>
        {filtered && (
          <p className="mt-2">
            <Link to="/">Clear the filters</Link> to see every package.
          </p>
        )}
      </div>
    );
  }
  // Times are measured from when the list was fetched: the moment the server judged "overdue".
  const now = new Date(packages.dataUpdatedAt);
  return (
    <>
      <p role="status" className="text-slate-700">
        {items.length === 1 ? '1 package' : `${items.length} packages`}
        {packages.isPlaceholderData ? ' (updating…)' : ''}
      </p>
      <PackageTable items={items} now={now} />
    </>
  );
}
