import type { Delegation, DelegationStatus } from '#domain/contracts/delegations.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { ConfirmStep } from '#src/components/ui/confirm-step.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useAcceptDelegation } from '../api/accept-delegation.ts';
import { useRevokeDelegation } from '../api/revoke-delegation.ts';

const statusText: Record<DelegationStatus, string> = { pending: 'Awaiting the delegator’s acceptance', scheduled: 'Scheduled', active: 'Active', ended: 'Ended', revoked: 'Revoked' };

interface Props {
  delegations: readonly Delegation[];
  viewerId: string;
  isAdmin: boolean;
}

/**
 * Delegations given and received, each revocable (with a confirmation) by whoever gave it; one
 * an administrator made for the viewer waits for them to accept it (or revoke it).
 */
export function DelegationList({ delegations, viewerId, isAdmin }: Props) {
  const revoking = useRevokeDelegation();
  const accepting = useAcceptDelegation();
  return (
    <>
      <ul className="space-y-2">
        {delegations.map((d) => {
          const given = d.delegator.id === viewerId;
          const revocable = (given || isAdmin || d.createdBy.id === viewerId) && (d.status === 'active' || d.status === 'scheduled' || d.status === 'pending');
          const acceptable = given && d.status === 'pending';
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
                {d.acceptance.required && d.status !== 'pending' && d.acceptance.acceptedAt && (
                  <span className="block text-sm text-slate-600">
                    Made by {d.createdBy.displayName}, accepted <time dateTime={d.acceptance.acceptedAt}>{formatDateTime(d.acceptance.acceptedAt)}</time>
                  </span>
                )}
              </span>
              <span className="flex flex-wrap items-center gap-2">
                {acceptable && (
                  <ConfirmStep
                    action="Accept"
                    actionLabel={`Accept ${summary}`}
                    label={`Confirm accepting ${summary}`}
                    confirm="Accept delegation"
                    cancel="Not now"
                    onConfirm={(done) => accepting.mutate(d.id, { onSettled: done })}
                  >
                    {d.createdBy.displayName} made this for you. Accept it? {d.delegate.displayName} may then sign your steps on your behalf until it ends.
                  </ConfirmStep>
                )}
                {revocable && (
                  <ConfirmStep
                    action="Revoke"
                    actionLabel={`Revoke ${summary}`}
                    label={`Confirm revoking ${summary}`}
                    confirm="Revoke delegation"
                    onConfirm={(done) => revoking.mutate(d.id, { onSettled: done })}
                  >
                    Revoke it? {d.delegate.displayName} stops acting for the role at once.
                  </ConfirmStep>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {revoking.error && (
        <p role="alert" className="text-red-800">
          {describeError(revoking.error)}
        </p>
      )}
      {accepting.error && (
        <p role="alert" className="text-red-800">
          {describeError(accepting.error)}
        </p>
      )}
    </>
  );
}
