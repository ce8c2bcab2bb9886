import { Link, useSearchParams } from 'react-router';
import { packageStatusLabels, packageStatusSchema } from '#domain/contracts/packages.ts';
import { governanceListLabels, governanceListSchema } from '#domain/contracts/governance.ts';
import { formatRiskTier } from '#src/lib/format.ts';
import { hasFilters, withoutFilters, type InboxFilters as Filters } from '../filters.ts';

interface Props {
  filters: Filters;
  onChange: (name: keyof Filters, value: string) => void;
  /** The models the user can see, as [key, name], for the model filter. */
  models: readonly (readonly [string, string])[];
}

const selectClasses = 'mt-1 block w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 text-base sm:w-60';
const tiers = [1, 2, 3, 4] as const;
const revalidationWindows = [
  ['30', 'Within 30 days'],
  ['60', 'Within 60 days'],
  ['90', 'Within 90 days'],
] as const;

interface FilterSelectProps {
  id: string;
  label: string;
  value: string | number | undefined;
  onChange: (value: string) => void;
  /** The label of the empty choice, which clears this filter. */
  all: string;
  options: readonly (readonly [string, string])[];
}

function FilterSelect({ id, label, value, onChange, all, options }: FilterSelectProps) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} className={selectClasses} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{all}</option>
        {options.map(([key, name]) => (
          <option key={key} value={key}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Changing a select filters at once: the table below is updated, the page stays put. */
export function InboxFilters({ filters, onChange, models }: Props) {
  const [searchParams] = useSearchParams();
  return (
    <form role="search" aria-label="Filter packages" className="flex flex-wrap items-end gap-x-6 gap-y-4" onSubmit={(event) => event.preventDefault()}>
      <FilterSelect id="filter-status" label="Status" value={filters.status} onChange={(value) => onChange('status', value)} all="All statuses" options={packageStatusSchema.options.map((status) => [status, packageStatusLabels[status]] as const)} />
      <FilterSelect id="filter-risk-tier" label="Risk tier" value={filters.riskTier} onChange={(value) => onChange('riskTier', value)} all="All risk tiers" options={tiers.map((tier) => [String(tier), formatRiskTier(tier)] as const)} />
      <FilterSelect id="filter-model" label="Model" value={filters.model} onChange={(value) => onChange('model', value)} all="All models" options={models} />
      <FilterSelect
        id="filter-governance"
        label="Governance list"
        value={filters.governance}
        onChange={(value) => onChange('governance', value)}
        all="Any"
        options={governanceListSchema.options.map((list) => [list, governanceListLabels[list]] as const)}
      />
      <FilterSelect id="filter-revalidation" label="Revalidation due" value={filters.revalidationDue} onChange={(value) => onChange('revalidationDue', value)} all="Any time or none" options={revalidationWindows} />
      {hasFilters(filters) && (
        <p className="py-2">
          <Link to={withoutFilters(searchParams)}>Clear filters</Link>
        </p>
      )}
    </form>
  );
}
