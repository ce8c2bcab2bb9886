import { useEffect, useRef, useState } from 'react';
import type { AccountRequest, AccountRequestApproval } from '#api/account-requests/contract.ts';
import { OneTimeSecret } from '#src/components/ui/one-time-secret.tsx';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useDecideAccountRequest } from '../api/account-requests.ts';
import { describeAccountRequest } from './account-request-text.ts';
import { AccountHistory } from './account-history.tsx';
import { notApprovableReason } from '#src/lib/requester-standing.ts';

interface Props {
  requests: readonly AccountRequest[];
  viewerId: string | undefined;
  onOutcome: (message: string) => void;
}

// What the server refuses at approval (0198): the row is not what was filed. Rejecting it is safe.
const tamperedReason = 'Not approvable: this request as stored is not what was filed (it was changed in the database). Reject it, and look into who changed the database; the administrator may file it again.';

/** Why the viewer may not decide a request, or null when they may (the server refuses it too). */
function notYours(request: AccountRequest, viewerId: string | undefined): string | null {
  if (request.requestedBy.id === viewerId) return 'You filed this request; another administrator approves or rejects it.';
  if (request.account.id === viewerId) return 'This request is about your account; another administrator decides it.';
  return null;
}

/** A privileged reset's generated password, shown once to the approver, who hands it over (0181); focus moves to it, as the approved card is gone. */
function HandOver({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), []);
  return (
    <div ref={region} tabIndex={-1} className="outline-none">
      <OneTimeSecret headingId="generated-password-heading" heading={`Give ${name} their temporary password`} noun="password" secretLabel={`Temporary password of ${name}`} secret={password} onDone={onDone}>
        Give it to {name} in person or by phone; they must replace it when they sign in. Nobody else was shown it, the administrator who asked included.
      </OneTimeSecret>
    </div>
  );
}

/** Privileged account changes waiting for a second administrator (0175), each with approve and reject for the others. */
export function AccountRequestsList({ requests, viewerId, onOutcome }: Props) {
  const deciding = useDecideAccountRequest();
  const [handOver, setHandOver] = useState<{ name: string; password: string } | null>(null);
  const shown = handOver && <HandOver name={handOver.name} password={handOver.password} onDone={() => setHandOver(null)} />;
  if (requests.length === 0) return shown ?? <p>No request waits for approval.</p>;
  const decided = (request: AccountRequest, decision: 'approval' | 'rejection', answer: AccountRequestApproval) => {
    onOutcome(`${decision === 'approval' ? 'Approved, and done' : 'Rejected; nothing changed'}: ${describeAccountRequest(request)}.`);
    if (answer.temporaryPassword) setHandOver({ name: request.account.displayName, password: answer.temporaryPassword });
  };
  const decide = (request: AccountRequest, decision: 'approval' | 'rejection') => deciding.mutate({ id: request.id, decision }, { onSuccess: (answer) => decided(request, decision, answer) });

  return (
    <div className="space-y-3">
      {shown}
      <ul className="space-y-3">
        {requests.map((request) => {
          // An altered row says so first: what it reads now is not what anyone asked for (0198).
          const what = `${request.tampered ? 'Altered in the database, as stored now: ' : ''}${describeAccountRequest(request)}`;
          const refusal = notYours(request, viewerId);
          const blocked = request.tampered ? tamperedReason : notApprovableReason(request, 'filed');
          return (
            <li key={request.id} className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
              <p className="font-semibold break-words">{what}</p>
              <p className="text-sm text-slate-700">
                {request.tampered ? 'Stored as asked by' : 'Asked by'} {request.requestedBy.displayName} on <time dateTime={request.requestedAt}>{formatDateTime(request.requestedAt)}</time>; lapses{' '}
                <time dateTime={request.expiresAt}>{formatDateTime(request.expiresAt)}</time> unless decided.{request.tampered ? '' : ' Confirm it with the person concerned before approving.'}
              </p>
              <AccountHistory request={request} />
              {blocked && <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-2 text-sm">{blocked}</p>}
              {refusal ? (
                <p className="text-sm text-slate-700">{refusal}</p>
              ) : (
                <div className="flex flex-wrap gap-2">
                  {!blocked && (
                    <button type="button" className={buttonClasses.primary} disabled={deciding.isPending} aria-label={`Approve: ${what}`} onClick={() => decide(request, 'approval')}>
                      Approve
                    </button>
                  )}
                  <button type="button" className={blocked ? buttonClasses.primary : buttonClasses.secondary} disabled={deciding.isPending} aria-label={`Reject: ${what}`} onClick={() => decide(request, 'rejection')}>
                    Reject
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {deciding.error != null && (
        <p role="alert" className="text-red-800">
          {describeError(deciding.error)}
        </p>
      )}
    </div>
  );
}
