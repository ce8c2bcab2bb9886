import { Link, useSearchParams } from 'react-router';
import { packageStatusLabels, packageStatusSchema } from '../../../../domain/contracts/packages.ts';
import { formatRiskTier } from '../../../lib/format.ts';
import { hasFilters, withoutFilters, type InboxFilters as Filters } from '../filters.ts';

interface Props {
  filters: Filters;
  onChange: (name: keyof Filters, value: string) => void;
  /** The models the user can see, as [key, name], for the model filter. */
  models: readonly (readonly [string, string])[];
}

const selectClasses = 'mt-1 block w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 text-base sm:w-60';
const tiers = [1, 2, 3, 4] as const;

/** Changing a select filters at once: the table below is updated, the page stays put. */
export function InboxFilters({ filters, onChange, models }: Props) {
  const [searchParams] = useSearchParams();
  return (
    <form role="search" aria-label="Filter packages" className="flex flex-wrap items-end gap-x-6 gap-y-4" onSubmit={(event) => event.preventDefault()}>
      <div>
        <label htmlFor="filter-status" className="block font-semibold">
          Status
        </label>
        <select id="filter-status" className={selectClasses} value={filters.status ?? ''} onChange={(event) => onChange('status', event.target.value)}>
          <option value="">All statuses</option>
          {packageStatusSchema.options.map((status) => (
            <option key={status} value={status}>
              {packageStatusLabels[status]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-risk-tier" className="block font-semibold">
          Risk tier
        </label>
        <select id="filter-risk-tier" className={selectClasses} value={filters.riskTier ?? ''} onChange={(event) => onChange('riskTier', event.target.value)}>
          <option value="">All risk tiers</option>
          {tiers.map((tier) => (
            <option key={tier} value={tier}>
              {formatRiskTier(tier)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-model" className="block font-semibold">
          Model
        </label>
        <select id="filter-model" className={selectClasses} value={filters.model ?? ''} onChange={(event) => onChange('model', event.target.value)}>
          <option value="">All models</option>
          {models.map(([key, name]) => (
            <option key={key} value={key}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {hasFilters(filters) && (
        <p className="py-2">
          <Link to={withoutFilters(searchParams)}>Clear filters</Link>
        </p>
      )}
    </form>
  );
}
