import { useId } from 'react';
import { Link } from 'react-router';
import type { AuditActor } from '#domain/contracts/audit.ts';
import { auditActionChoices } from '../action-labels.ts';
import { hasAuditFilters, type AuditFilterName, type AuditFilters } from '../audit-filters.ts';

interface Props {
  filters: AuditFilters;
  /** The actor filter's choices, by name. */
  actors: readonly AuditActor[];
  onChange: (name: AuditFilterName, value: string) => void;
  /** The address of this view without filters. */
  clearHref: string;
}

const controlClasses = 'mt-1 block w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 text-base';
const actions = auditActionChoices();

/**
 * Every filter applies at once: the actor chosen by name, the action, the dates. Each change
 * is a step in the history, so Back undoes it.
 */
export function AuditFiltersForm({ filters, actors, onChange, clearHref }: Props) {
  const id = useId();
  // An actor named in the address but absent from the choices (no entries under the other filters) stays selectable.
  const choices = filters.actor && !actors.some((a) => a.id === filters.actor) ? [...actors, { id: filters.actor, name: filters.actor }] : actors;
  return (
    <form role="search" aria-label="Filter entries" className="flex flex-wrap items-end gap-x-6 gap-y-4" onSubmit={(event) => event.preventDefault()}>
      <div className="w-full sm:w-56">
        <label htmlFor={`${id}-actor`} className="block font-semibold">
          Actor
        </label>
        <select id={`${id}-actor`} className={controlClasses} value={filters.actor ?? ''} onChange={(event) => onChange('actor', event.target.value)}>
          <option value="">Anyone</option>
          {choices.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
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
      {hasAuditFilters(filters) && (
        <p className="py-2">
          <Link to={clearHref}>Clear filters</Link>
        </p>
      )}
    </form>
  );
}
