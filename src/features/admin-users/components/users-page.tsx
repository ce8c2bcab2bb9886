import { useState } from 'react';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useUsers } from '../api/list-users.ts';
import { useAccountRequests } from '../api/account-requests.ts';
import { useMailEnabled } from '../api/password-link.ts';
import type { AccountChangeOutcome } from '../api/account-change.ts';
import { CreateUserForm } from './create-user-form.tsx';
import { AccountRequestsList } from './account-requests-list.tsx';
import { waitingMessage } from './account-request-text.ts';
import { UserTable } from './user-table.tsx';

/** Administration: who has an account, what they may do, and whether they can sign in. */
export function UsersPage() {
  usePageTitle('Users');
  const users = useUsers();
  const viewer = useViewer();
  // What the last change did, said where a screen reader hears it.
  const [outcome, setOutcome] = useState('');
  const requests = useAccountRequests();
  const administrators = users.data?.filter((user) => user.roles.includes('admin')).length ?? 0;
  const mailOn = useMailEnabled();
  const created = (outcome: AccountChangeOutcome) =>
    setOutcome(
      outcome.kind === 'applied'
        ? `The account of ${outcome.user.displayName} (${outcome.user.email}) is created. ${mailOn ? 'A link to set their password was mailed to that address; it works once, for 24 hours.' : 'Give them the temporary password; they must replace it at their first sign-in.'}`
        : waitingMessage(outcome.request),
    );

  return (
    <div className="space-y-8">
      <PageHeading>Users</PageHeading>
      <p className="max-w-3xl">
        Accounts that sign in with a password, and those created by single sign-on.{' '}
        {mailOn
          ? 'A new account gets no password: its holder sets one through a link mailed to their address.'
          : 'A new account, or one whose password you reset, gets a temporary password that its holder must replace before doing anything else.'}{' '}
        Disabling an account signs it out everywhere at once.
      </p>
      <p role="status" className={outcome ? 'max-w-3xl rounded-md border-l-4 border-green-700 bg-green-50 p-3' : 'sr-only'}>
        {outcome}
      </p>
      <section aria-labelledby="accounts-heading" className="space-y-3">
        <h2 id="accounts-heading" className="text-xl font-bold">
          Accounts
        </h2>
        {users.isPending && <LoadingNotice>Loading the accounts…</LoadingNotice>}
        {users.isError && <ErrorNotice title="The accounts could not be loaded." error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />}
        {users.data && <UserTable users={users.data} viewerId={viewer?.id} onOutcome={setOutcome} />}
      </section>
      <section aria-labelledby="requests-heading" className="max-w-3xl space-y-3">
        <h2 id="requests-heading" className="text-xl font-bold">
          Waiting for a second administrator
        </h2>
        <p>Creating an account with a role that decides or administers, granting such a role, and resetting the password of an account that holds one take effect only when another administrator approves.</p>
        {requests.isPending && <LoadingNotice>Loading the requests…</LoadingNotice>}
        {requests.isError && <ErrorNotice title="The requests could not be loaded." error={requests.error} onRetry={() => void requests.refetch()} retrying={requests.isFetching} />}
        {requests.data && <AccountRequestsList requests={requests.data} viewerId={viewer?.id} onOutcome={setOutcome} />}
      </section>
      <section aria-labelledby="create-heading" className="max-w-3xl space-y-3">
        <h2 id="create-heading" className="text-xl font-bold">
          Create an account
        </h2>
        <CreateUserForm administrators={administrators} mailOn={mailOn} onCreated={created} />
      </section>
    </div>
  );
}
