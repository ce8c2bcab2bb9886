import { useState } from 'react';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { ManagedUser } from '#api/users/contract.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ConfirmStep } from '#src/components/ui/confirm-step.tsx';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { None } from '#src/components/ui/none.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDate } from '#src/lib/format.ts';
import { useDisableUser } from '../api/disable-user.ts';
import { useEnableUser } from '../api/enable-user.ts';
import { EditRolesDialog } from './edit-roles-dialog.tsx';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';
import { waitingMessage } from './account-request-text.ts';

type Editing = { kind: 'roles' | 'password'; user: ManagedUser } | null;

interface Props {
  users: readonly ManagedUser[];
  /** The administrator looking: they cannot disable themselves nor change their own roles. */
  viewerId: string | undefined;
  /** Says what changed, in the page's status line. */
  onOutcome: (message: string) => void;
}

function State({ user }: { user: ManagedUser }) {
  return (
    <ul>
      {user.disabledAt ? (
        <li className="font-semibold text-red-800">
          Disabled since <time dateTime={user.disabledAt}>{formatDate(user.disabledAt)}</time>
        </li>
      ) : (
        <li>Active</li>
      )}
      {user.passwordChangeRequired && <li className="text-sm text-slate-700">Must change password</li>}
      {user.sso && <li className="text-sm text-slate-700">Single sign-on</li>}
    </ul>
  );
}

/** Every account, with its roles, state and open sessions; each can be edited, reset, disabled or enabled. */
export function UserTable({ users, viewerId, onOutcome }: Props) {
  const disabling = useDisableUser();
  const enabling = useEnableUser();
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  const columns: readonly Column<ManagedUser>[] = [
    {
      header: 'Name',
      cell: (user) => (
        <>
          <span className="font-semibold">{user.displayName}</span>
          {user.id === viewerId && <span className="font-normal text-slate-700"> (you)</span>}
          {user.title && <span className="block text-sm font-normal text-slate-600">{user.title}</span>}
        </>
      ),
    },
    { header: 'Email', className: 'break-words', cell: (user) => user.email },
    {
      header: 'Roles',
      cell: (user) =>
        user.roles.length === 0 ? (
          <None />
        ) : (
          <ul>
            {user.roles.map((role) => (
              <li key={role}>{roleLabels[role]}</li>
            ))}
          </ul>
        ),
    },
    { header: 'State', cell: (user) => <State user={user} /> },
    { header: 'Open sessions', headerClassName: 'text-right', className: 'text-right tabular-nums', cell: (user) => user.sessions },
    {
      header: 'Actions',
      // Room for two buttons a line; the confirmation question wraps within it.
      headerClassName: 'w-[22rem]',
      cell: (user) => {
        const buttons = (
          <>
            {/* One's own roles are changed by another administrator (0172): the server refuses it too. */}
            {user.id === viewerId ? (
              <span className="text-sm text-slate-700">Another administrator changes your roles.</span>
            ) : (
              <button type="button" className={buttonClasses.secondary} aria-label={`Edit roles of ${user.displayName}`} onClick={() => setEditing({ kind: 'roles', user })}>
                Edit roles
              </button>
            )}
            {!user.sso && (
              <button type="button" className={buttonClasses.secondary} aria-label={`Reset password of ${user.displayName}`} onClick={() => setEditing({ kind: 'password', user })}>
                Reset password
              </button>
            )}
          </>
        );
        if (user.id === viewerId) return <span className="flex flex-wrap items-center gap-2">{buttons}</span>;
        const change = user.disabledAt ? enabling : disabling;
        const verb = user.disabledAt ? 'Enable' : 'Disable';
        return (
          <ConfirmStep
            beside={buttons}
            action={verb}
            actionLabel={`${verb} ${user.displayName}`}
            label={`Confirm ${user.disabledAt ? 'enabling' : 'disabling'} ${user.displayName}`}
            confirm={`${verb} account`}
            cancel="Cancel"
            onConfirm={(done) =>
              change.mutate(user.id, {
                onSuccess: () => onOutcome(user.disabledAt ? `${user.displayName} can sign in again.` : `${user.displayName} is disabled and signed out everywhere.`),
                onSettled: done,
              })
            }
          >
            {user.disabledAt ? `Enable ${user.displayName}? They can sign in again.` : `Disable ${user.displayName}? They are signed out at once and cannot sign in.`}
          </ConfirmStep>
        );
      },
    },
  ];

  const error = disabling.error ?? enabling.error;
  return (
    <div className="space-y-2">
      {/* Narrower than this, the table scrolls sideways in its frame rather than squeeze its columns. */}
      <DataTable look="card" caption="Accounts" className="min-w-[60rem]" columns={columns} rows={users} rowKey={(user) => user.id} />
      {error && (
        <p role="alert" className="text-red-800">
          {describeError(error)}
        </p>
      )}
      {editing?.kind === 'roles' && (
        <EditRolesDialog
          user={editing.user}
          onClose={close}
          onSaved={(outcome) => {
            close();
            onOutcome(outcome.kind === 'applied' ? `The roles of ${outcome.user.displayName} are saved.` : waitingMessage(outcome.request));
          }}
        />
      )}
      {editing?.kind === 'password' && (
        <ResetPasswordDialog
          user={editing.user}
          onClose={close}
          onReset={(outcome) => {
            close();
            onOutcome(
              outcome.kind === 'applied' ? `The password of ${outcome.user.displayName} is reset; they are signed out and must choose a new one at their next sign-in.` : waitingMessage(outcome.request),
            );
          }}
        />
      )}
    </div>
  );
}
