import { useState } from 'react';
import type { Delegation, DelegationStatus } from '#domain/contracts/delegations.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { InlineConfirmation } from '#src/components/ui/inline-confirmation.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useRevokeDelegation } from '../api/revoke-delegation.ts';

const statusText: Record<DelegationStatus, string> = { scheduled: 'Scheduled', active: 'Active', ended: 'Ended', revoked: 'Revoked' };

interface Props {
  delegations: readonly Delegation[];
  viewerId: string;
  isAdmin: boolean;
}

/** Delegations given and received, each revocable (with a confirmation) by whoever gave it. */
export function DelegationList({ delegations, viewerId, isAdmin }: Props) {
  const revoking = useRevokeDelegation();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <>
      <ul className="space-y-2">
        {delegations.map((d) => {
          const given = d.delegator.id === viewerId;
          const revocable = (given || isAdmin || d.createdBy.id === viewerId) && (d.status === 'active' || d.status === 'scheduled');
          const summary = `${roleLabels[d.role]}: ${d.delegator.displayName} → ${d.delegate.displayName}`;
          return (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white p-4">
              <span>
                <span className="font-semibold">{summary}</span>
                <span className="block text-sm text-slate-700">
                  {statusText[d.status]} · <time dateTime={d.startsAt}>{formatDateTime(d.startsAt)}</time> to <time dateTime={d.endsAt}>{formatDateTime(d.endsAt)}</time>
                  {d.revocation && (
                    <>
                      {' '}
                      · revoked by {d.revocation.revokedBy.displayName} <time dateTime={d.revocation.revokedAt}>{formatDateTime(d.revocation.revokedAt)}</time>
                    </>
                  )}
                </span>
                <span className="block text-sm text-slate-600">{d.reason}</span>
              </span>
              {revocable &&
                (confirming === d.id ? (
                  <InlineConfirmation
                    label={`Confirm revoking ${summary}`}
                    confirm="Revoke delegation"
                    onConfirm={() => revoking.mutate(d.id, { onSettled: () => setConfirming(null) })}
                    onCancel={() => setConfirming(null)}
                  >
                    Revoke it? {d.delegate.displayName} stops acting for the role at once.
                  </InlineConfirmation>
                ) : (
                  <button type="button" className={buttonClasses.secondary} aria-label={`Revoke ${summary}`} onClick={() => setConfirming(d.id)}>
                    Revoke
                  </button>
                ))}
            </li>
          );
        })}
      </ul>
      {revoking.error && (
        <p role="alert" className="text-red-800">
          {describeError(revoking.error)}
        </p>
      )}
    </>
  );
}
