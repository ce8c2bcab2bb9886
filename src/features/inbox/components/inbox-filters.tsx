import { Link } from 'react-router';
import { packageStatusLabels, packageStatusSchema } from '../../../../domain/contracts/packages.ts';
import { formatRiskTier } from '../../../lib/format.ts';
import { hasFilters, type InboxFilters as Filters } from '../filters.ts';

interface Props {
  filters: Filters;
  onChange: (name: keyof Filters, value: string) => void;
}

const selectClasses = 'mt-1 block w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 text-base sm:w-60';
const tiers = [1, 2, 3, 4] as const;

/** Changing a select filters at once: the table below is updated, the page stays put. */
export function InboxFilters({ filters, onChange }: Props) {
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
      {hasFilters(filters) && (
        <p className="py-2">
          <Link to="/">Clear filters</Link>
        </p>
      )}
    </form>
  );
}
