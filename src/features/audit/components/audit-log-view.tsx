import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import type { AuditSource } from '../api/audit-keys.ts';
import { auditFiltersKey, hasAuditFilters, parseAuditFilters, parseEntryParam, withAuditFilter, withoutAuditFilters, type AuditFilterName, type AuditFilters } from '../audit-filters.ts';
import { useAuditPager } from '../paging/use-audit-pager.ts';
import { useAuditActors } from '../api/list-audit-actors.ts';
import { AuditFiltersForm } from './audit-filters-form.tsx';
import { AuditTable } from './audit-table.tsx';

const numberFormat = new Intl.NumberFormat('en');

interface Props {
  source: AuditSource;
  /** Says what the table lists, for its caption. */
  caption: string;
  /** What to say when the view has no entries at all. */
  empty: string;
}

/** Filters in the address, and the entries they select. */
export function AuditLogView({ source, caption, empty }: Props) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseAuditFilters(searchParams);
  const actors = useAuditActors(source, filters);
  const search = (params: URLSearchParams) => (params.size > 0 ? `?${params.toString()}` : '?');
  // A new entry in the history for each change: Back returns to the previous filters.
  const setFilter = (name: AuditFilterName, value: string) => setSearchParams(withAuditFilter(searchParams, name, value));
  const filterHref = (name: 'actor' | 'action', value: string) => search(withAuditFilter(searchParams, name, value));

  return (
    <div className="space-y-4">
      <AuditFiltersForm filters={filters} actors={actors} onChange={setFilter} clearHref={search(withoutAuditFilters(searchParams))} />
      {/* Keyed by what is listed: other filters start from the top, with their own pages. */}
      <AuditEntries
        key={`${source.kind === 'global' ? 'global' : source.packageId}?${auditFiltersKey(filters)}`}
        source={source}
        filters={filters}
        caption={caption}
        empty={empty}
        revealSeq={parseEntryParam(searchParams)}
        clearHref={search(withoutAuditFilters(searchParams))}
        filterHref={filterHref}
      />
    </div>
  );
}

interface EntriesProps {
  source: AuditSource;
  filters: AuditFilters;
  caption: string;
  empty: string;
  revealSeq: number | null;
  clearHref: string;
  filterHref: (name: 'actor' | 'action', value: string) => string;
}

function AuditEntries({ source, filters, caption, empty, revealSeq, clearHref, filterHref }: EntriesProps) {
  const { pager, snapshot } = useAuditPager(source, filters);
  const [missing, setMissing] = useState<number | null>(null);
  const filtered = hasAuditFilters(filters);
  const ready = snapshot.status !== 'loading';

  useEffect(() => {
    // A mark the benchmark (and the browser's performance panel) can read: the view has its size and first rows.
    if (ready) performance.mark('audit-view-ready');
  }, [ready]);

  return (
    <section aria-label="Entries" aria-busy={snapshot.status === 'loading'} className="space-y-3">
      {snapshot.status === 'error' && <ErrorNotice title="The audit log could not be loaded." error={snapshot.error} onRetry={() => pager.retry()} />}
      {snapshot.status === 'loading' && <LoadingNotice>Loading the audit log…</LoadingNotice>}
      {snapshot.status === 'ready' && snapshot.total === 0 && (
        <div className="rounded-md border border-slate-200 bg-white p-6">
          <p role="status" className="text-lg font-semibold">
            {filtered ? 'No entries match these filters' : empty}
          </p>
          {filtered && (
            <p className="mt-2">
              <Link to={clearHref}>Clear the filters</Link> to see every entry.
            </p>
          )}
        </div>
      )}
      {snapshot.total > 0 && (
        <>
          <p role="status" className="text-slate-700">
            {snapshot.total === 1 ? '1 entry' : `${numberFormat.format(snapshot.total)} entries`}
            {filtered ? ' match these filters' : ''}, newest first.
          </p>
          {missing !== null && (
            <p role="alert" className="rounded-md border-l-4 border-amber-600 bg-white p-3">
              Entry #{missing} is not in this view. {filtered && <Link to={clearHref}>Clear the filters</Link>}
            </p>
          )}
          <AuditTable pager={pager} snapshot={snapshot} caption={caption} revealSeq={revealSeq} onRevealMissing={setMissing} filterHref={filterHref} />
        </>
      )}
    </section>
  );
}
