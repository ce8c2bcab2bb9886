import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { findingSeverities, findingSeverityLabels, findingStatusLabels, findingStatusSchema, type Finding, type FindingRegisterQuery } from '#domain/contracts/findings.ts';
import { findingsCsv } from '#domain/findings/register.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { getFindingRegister, registerQueryString, useFindingRegister, type RegisterFilters } from '../api/finding-register.ts';
import { formatDay } from '../problem-fields.ts';
import { FindingBadges } from './finding-badges.tsx';

const sorts: Record<FindingRegisterQuery['sort'], string> = { due: 'Due date', severity: 'Severity', raised: 'Newest raised', updated: 'Last changed' };

/** The filters a register address holds: what was linked is what is shown. */
function filtersOf(search: URLSearchParams): RegisterFilters {
  const pick = <T extends string>(name: string, allowed: readonly T[]) => allowed.find((value) => value === search.get(name));
  return {
    severity: pick('severity', findingSeverities),
    status: pick('status', findingStatusSchema.options),
    ownerId: search.get('ownerId') ?? undefined,
    modelKey: search.get('modelKey') ?? undefined,
    overdue: search.get('overdue') === 'true' ? true : undefined,
    acceptanceExpired: search.get('acceptanceExpired') === 'true' ? true : undefined,
    sort: pick('sort', ['due', 'severity', 'raised', 'updated'] as const) ?? 'due',
  };
}

function download(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const columns: Column<Finding>[] = [
  { header: 'Finding', cell: (f) => <Link to={`/packages/${encodeURIComponent(f.packageId)}/findings#finding-${f.id}`}>{f.title}</Link> },
  { header: 'Model', cell: (f) => f.modelName },
  { header: 'Severity and status', cell: (f) => <FindingBadges finding={f} /> },
  { header: 'Owner', cell: (f) => f.owner.displayName },
  { header: 'Due', cell: (f) => formatDay(f.dueDate), className: 'whitespace-nowrap' },
];

/** /findings: every finding the viewer may see, filtered and sorted by its address, exportable as CSV or JSON. */
export function FindingRegisterPage() {
  usePageTitle('Findings register');
  const [search, setSearch] = useSearchParams();
  const filters = filtersOf(search);
  const register = useFindingRegister(filters);
  // The choices of owner and model: every finding's, whatever the filters.
  const everything = useFindingRegister({});
  const [exportError, setExportError] = useState<string | null>(null);
  const set = (name: keyof RegisterFilters, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const owners = new Map((everything.data?.items ?? []).map((f) => [f.owner.id, f.owner.displayName]));
  const models = new Map((everything.data?.items ?? []).map((f) => [f.modelKey, f.modelName]));

  const exportAs = async (format: 'csv' | 'json') => {
    setExportError(null);
    try {
      const all = await getFindingRegister(registerQueryString(filters, 1_000));
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'csv') download(findingsCsv(all.items), `findings-${stamp}.csv`, 'text/csv');
      else download(JSON.stringify(all.items, null, 2), `findings-${stamp}.json`, 'application/json');
    } catch (error) {
      setExportError(describeError(error));
    }
  };

  const select = (label: string, name: keyof RegisterFilters, options: [string, string][], any = 'Any') => (
    <Field label={label} error={undefined}>
      {(props) => (
        <select {...props} className={inputClasses} value={search.get(name) ?? ''} onChange={(e) => set(name, e.target.value)}>
          {any && <option value="">{any}</option>}
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>Findings register</PageHeading>
        <p className="max-w-prose text-slate-700">Every finding on the packages you can see. The filters are part of the address, so a view can be bookmarked or shared.</p>
      </div>
      <form aria-label="Filter the findings" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
        {select('Severity', 'severity', findingSeverities.map((s) => [s, findingSeverityLabels[s]]))}
        {select('Status', 'status', findingStatusSchema.options.map((s) => [s, findingStatusLabels[s]]))}
        {select('Owner', 'ownerId', [...owners])}
        {select('Model', 'modelKey', [...models])}
        {select('Sort by', 'sort', Object.entries(sorts), '')}
        <div className="flex items-end gap-2 pb-2">
          <input id="register-overdue" type="checkbox" className="h-4 w-4" checked={filters.overdue === true} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} />
          <label htmlFor="register-overdue" className="font-semibold">
            Overdue only
          </label>
        </div>
        <div className="flex items-end gap-2 pb-2">
          <input id="register-acceptance-expired" type="checkbox" className="h-4 w-4" checked={filters.acceptanceExpired === true} onChange={(e) => set('acceptanceExpired', e.target.checked ? 'true' : '')} />
          <label htmlFor="register-acceptance-expired" className="font-semibold">
            Expired acceptances only
          </label>
        </div>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClasses.secondary} onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        {exportError && (
          <p role="alert" className="text-red-800">
            {exportError}
          </p>
        )}
      </div>
      {register.isError && <ErrorNotice title="The findings could not be loaded." error={register.error} onRetry={() => void register.refetch()} retrying={register.isFetching} />}
      {register.isPending && <LoadingNotice>Loading the findings…</LoadingNotice>}
      {register.data && (
        <>
          <p role="status" className="text-slate-700">
            {register.data.total === 1 ? '1 finding' : `${register.data.total} findings`}
            {register.data.total > register.data.items.length ? `, the first ${register.data.items.length} shown` : ''}
          </p>
          {register.data.items.length > 0 && <DataTable look="card" caption="Findings" columns={columns} rows={register.data.items} rowKey={(f) => f.id} />}
        </>
      )}
    </div>
  );
}
