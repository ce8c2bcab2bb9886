import type { AccountRequest } from '#api/account-requests/contract.ts';
import { formatDateTime } from '#src/lib/format.ts';

// What the approver weighs about the account a request changes (docs/decisions/0181, 0186): who
// chose its address, who set its current password and when, and the passkeys added since (one
// added under an administrator's password may be that administrator's).

function When({ at }: { at: string }) {
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}

export function AccountHistory({ request }: { request: AccountRequest }) {
  const history = request.accountHistory;
  if (!history) return null;
  const { createdBy, createdAt, passwordSetAt, passkeysAddedSince: passkeys } = history;
  const byRequester = createdBy !== null && createdBy.id === request.requestedBy.id;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
      <li>
        {createdBy ? `Created by ${createdBy.displayName}` : 'Created by an administrator not recorded (demo seed, single sign-on, or before this was kept)'}
        {createdAt && (
          <>
            {' '}
            on <When at={createdAt} />
          </>
        )}
        {byRequester ? ', who filed this request and chose the account’s email address.' : '.'}
      </li>
      {request.passwordSetBy && (
        <li>
          Its current password was set by the administrator {request.passwordSetBy.displayName}
          {passwordSetAt && (
            <>
              {' '}
              on <When at={passwordSetAt} />
            </>
          )}
          , not by its holder: that administrator could sign in as it.
        </li>
      )}
      {!request.passwordSetBy && passwordSetAt && (
        <li>
          Its current password dates from <When at={passwordSetAt} />; no administrator set it.
        </li>
      )}
      <li>
        {passkeys.length === 0 ? (
          `No passkey added ${passwordSetAt ? 'since then' : 'to it'}.`
        ) : (
          <>
            {passkeys.length === 1 ? 'One passkey' : `${passkeys.length} passkeys`} added {passwordSetAt ? 'since then' : 'to it'}:{' '}
            {passkeys.map((at, i) => (
              <span key={`${at}-${i}`}>
                {i > 0 && ', '}
                <When at={at} />
              </span>
            ))}
            .
          </>
        )}
      </li>
    </ul>
  );
}
