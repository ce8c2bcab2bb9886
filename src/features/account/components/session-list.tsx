import type { OwnSession } from '#api/users/contract.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime, formatRelative } from '#src/lib/format.ts';
import { useEndSession } from '../api/end-session.ts';

/** Each open session, newest first: where this browser is marked, any other can be ended. */
export function SessionList({ sessions }: { sessions: readonly OwnSession[] }) {
  const ending = useEndSession();
  return (
    <>
      <ul className="space-y-2">
        {sessions.map((session) => {
          const started = formatDateTime(session.createdAt);
          return (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white p-4">
              <span>
                <span className="font-semibold">
                  Signed in <time dateTime={session.createdAt}>{started}</time>
                </span>
                {session.current && <span className="ml-2 rounded-sm bg-blue-100 px-2 py-0.5 text-sm font-semibold text-blue-900">This browser</span>}
                <span className="block text-sm text-slate-600">
                  {session.lastSeenAt ? (
                    <>
                      Last active <time dateTime={session.lastSeenAt}>{formatRelative(session.lastSeenAt)}</time> ·{' '}
                    </>
                  ) : null}
                  Ends by <time dateTime={session.expiresAt}>{formatDateTime(session.expiresAt)}</time>
                </span>
              </span>
              {!session.current && (
                <button
                  type="button"
                  className={buttonClasses.secondary}
                  aria-label={`End session signed in ${started}`}
                  disabled={ending.isPending && ending.variables === session.id}
                  onClick={() => ending.mutate(session.id)}
                >
                  End session
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {ending.error && (
        <p role="alert" className="text-red-800">
          {describeError(ending.error)}
        </p>
      )}
    </>
  );
}
