import type { Role } from '#domain/contracts/roles.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useActiveDelegations } from '../api/get-active-delegations.ts';

/** On a package: who acts for the current step's role by delegation right now, if anyone. */
export function StepDelegations({ role }: { role: Role | null }) {
  const query = useActiveDelegations(role);
  if (!role || !query.data || query.data.length === 0) return null;
  return (
    <section aria-labelledby="step-delegations-heading" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 id="step-delegations-heading" className="font-bold">
        Delegations for {roleLabels[role]}
      </h2>
      <ul className="space-y-1">
        {query.data.map((d) => (
          <li key={d.id}>
            {d.delegate.displayName} acts for {d.delegator.displayName} until <time dateTime={d.endsAt}>{formatDateTime(d.endsAt)}</time> ({d.reason})
          </li>
        ))}
      </ul>
    </section>
  );
}
