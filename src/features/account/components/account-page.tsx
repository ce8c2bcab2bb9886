import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { asksForPasswordChange } from '#src/lib/password-change.ts';
import { safeNextPath } from '#src/lib/safe-next.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useOwnSessions } from '../api/list-own-sessions.ts';
import { ChangePasswordForm } from './change-password-form.tsx';
import { SessionList } from './session-list.tsx';

/**
 * The signed-in person's own account: their password and their open sessions. A temporary
 * password is replaced here before anything else is allowed, and the app then goes on.
 */
export function AccountPage() {
  usePageTitle('Account');
  const user = useViewer();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const mustChange = asksForPasswordChange(searchParams);
  const next = safeNextPath(searchParams.get('next'));
  const sessions = useOwnSessions({ enabled: !mustChange });
  const [changed, setChanged] = useState(false);

  const onChanged = () => {
    if (mustChange) void navigate(next, { replace: true });
    else setChanged(true);
  };

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeading>Account</PageHeading>
      {user && (
        <p>
          Signed in as <span className="font-semibold">{user.displayName}</span>
          {user.title && `, ${user.title}`} ({user.email}).
        </p>
      )}
      {mustChange && (
        <div className="space-y-1 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">Replace your temporary password to continue</p>
          <p>An administrator set it for you. Choose a password of your own; until then, nothing else is available.</p>
        </div>
      )}
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-xl font-bold">
          {mustChange ? 'Replace your temporary password' : 'Change your password'}
        </h2>
        {user?.sso ? (
          <p>You sign in through single sign-on: your password is managed by your organisation’s identity provider, not here.</p>
        ) : (
          <>
            {!mustChange && <p>Your other sessions end when you change it; this browser stays signed in.</p>}
            <ChangePasswordForm
              user={user}
              submitLabel={mustChange ? 'Replace password' : 'Change password'}
              currentHint={mustChange ? 'The temporary password you were given.' : undefined}
              onChanged={onChanged}
            />
          </>
        )}
        <p role="status">{changed ? 'Your password is changed, and your other sessions have ended.' : ''}</p>
      </section>
      {!mustChange && (
        <section aria-labelledby="sessions-heading" className="space-y-3">
          <h2 id="sessions-heading" className="text-xl font-bold">
            Your sessions
          </h2>
          <p>Every browser signed in to your account. End any you do not recognise, or one on a device you no longer use.</p>
          {sessions.isPending && <LoadingNotice>Loading your sessions…</LoadingNotice>}
          {sessions.isError && <ErrorNotice title="Your sessions could not be loaded." error={sessions.error} onRetry={() => void sessions.refetch()} retrying={sessions.isFetching} />}
          {sessions.data && <SessionList sessions={sessions.data} />}
        </section>
      )}
    </div>
  );
}
