import { useId } from 'react';
import { Link } from 'react-router';
import { auditActionChoices } from '../action-labels.ts';
import { hasAuditFilters, type AuditFilterName, type AuditFilters } from '../audit-filters.ts';

interface Props {
  filters: AuditFilters;
  onChange: (name: AuditFilterName, value: string) => void;
  /** The address of this view without filters. */
  clearHref: string;
}

const controlClasses = 'mt-1 block w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 text-base';
const actions = auditActionChoices();

/**
 * Selects and dates filter at once; the actor (a user id) when the field is left or Enter
 * is pressed, not at every key. Each change is a step in the history, so Back undoes it.
 */
export function AuditFiltersForm({ filters, onChange, clearHref }: Props) {
  const id = useId();
  const commitActor = (value: string) => {
    const actor = value.trim();
    if (actor !== (filters.actor ?? '')) onChange('actor', actor);
  };
  return (
    <form
      role="search"
      aria-label="Filter entries"
      className="flex flex-wrap items-end gap-x-6 gap-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const actor = new FormData(event.currentTarget).get('actor');
        commitActor(typeof actor === 'string' ? actor : '');
      }}
    >
      <div className="w-full sm:w-56">
        <label htmlFor={`${id}-actor`} className="block font-semibold">
          Actor (user id)
        </label>
        {/* Keyed by the address's value, so Back shows the actor it went back to. */}
        <input
          key={filters.actor ?? ''}
          id={`${id}-actor`}
          name="actor"
          type="text"
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          className={`${controlClasses} font-mono`}
          defaultValue={filters.actor ?? ''}
          onBlur={(event) => commitActor(event.currentTarget.value)}
        />
      </div>
      <div className="w-full sm:w-64">
        <label htmlFor={`${id}-action`} className="block font-semibold">
          Action
        </label>
        <select id={`${id}-action`} className={controlClasses} value={filters.action ?? ''} onChange={(event) => onChange('action', event.target.value)}>
          <option value="">All actions</option>
          {actions.map(([action, label]) => (
            <option key={action} value={action}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className="block font-semibold">
          From (UTC)
        </label>
        <input id={`${id}-from`} type="date" className={controlClasses} value={filters.from ?? ''} max={filters.to} onChange={(event) => onChange('from', event.target.value)} />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className="block font-semibold">
          To (UTC)
        </label>
        <input id={`${id}-to`} type="date" className={controlClasses} value={filters.to ?? ''} min={filters.from} onChange={(event) => onChange('to', event.target.value)} />
      </div>
      {/* Enter in the actor field submits; a visible button makes that discoverable. */}
      <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
        Apply
      </button>
      {hasAuditFilters(filters) && (
        <p className="py-2">
          <Link to={clearHref}>Clear filters</Link>
        </p>
      )}
    </form>
  );
}
