import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useSetupStatus } from '../api/get-setup-status.ts';
import { SetupForm } from './setup-form.tsx';

/** A new installation's first administrator, created with the one-time setup secret; then the inbox. */
export function SetupPage() {
  usePageTitle('Set up');
  const navigate = useNavigate();
  const status = useSetupStatus();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeading>Set up Model Approval</PageHeading>
      {status.isPending && <LoadingNotice>Checking whether setup is due…</LoadingNotice>}
      {status.isError && <ErrorNotice title="Whether setup is due could not be checked." error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />}
      {status.data === false && (
        <p>
          This installation is set up already. <Link to="/login">Sign in</Link>, or ask an administrator for an account.
        </p>
      )}
      {status.data === true && (
        <>
          <p className="text-slate-700">
            Nobody has an account yet. Create the first administrator: you sign in as them at once, and then create the other accounts on the Users page.
          </p>
          <SetupForm onDone={() => void navigate('/', { replace: true })} />
        </>
      )}
    </div>
  );
}
