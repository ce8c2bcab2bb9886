import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { ManagedUser } from '#api/users/contract.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { FormFooter } from '#src/components/ui/form-footer.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { passwordPolicyHint } from '#src/lib/password-policy-hint.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { holdsPrivilegedRole } from '#domain/accounts/privileged-changes.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useAccountChange, type AccountChangeOutcome } from '../api/account-change.ts';
import { useMailEnabled, useSendPasswordLink } from '../api/password-link.ts';

interface Props {
  user: ManagedUser;
  onClose: () => void;
  onReset: (outcome: AccountChangeOutcome) => void;
}

/** With mail on, a one-time link to the holder's own address: nobody but them learns the password (0181). */
function SendLink({ user }: { user: ManagedUser }) {
  const sending = useSendPasswordLink();
  return (
    <div className="space-y-3 rounded-md border border-slate-300 p-3">
      <p>Send {user.displayName} a set-password link at {user.email}. It works once, for 24 hours; you never see the password they choose. A role that decides or administers is granted only once they have used it.</p>
      <button type="button" className={buttonClasses.primary} disabled={sending.isPending} onClick={() => sending.mutate(user.id)}>
        {sending.isPending ? 'Sending…' : 'Send set-password link'}
      </button>
      {sending.isSuccess && <p role="status">Link sent to {user.email}; it works until {new Date(sending.data.expiresAt).toLocaleString()}.</p>}
      {sending.error != null && (
        <p role="alert" className="text-red-800">
          {describeError(sending.error)}
        </p>
      )}
    </div>
  );
}

/** A temporary password for one account (or, with mail on, a set-password link): its sessions end, and it must be replaced at next sign-in. */
export function ResetPasswordDialog({ user, onClose, onReset }: Props) {
  const resetting = useAccountChange();
  const mailOn = useMailEnabled();
  const needsApproval = holdsPrivilegedRole(user.roles);
  // With mail on, the server refuses an administrator's password for an account that decides (0181).
  const temporaryAllowed = !(mailOn && needsApproval);
  const form = useRef<HTMLFormElement>(null);
  const textId = useId();
  const [temporaryPassword, setTemporaryPassword] = useState('');
  useFocusFirstInvalid(form, resetting.error);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (resetting.isPending) return;
    resetting.mutate({ change: { kind: 'reset_password', userId: user.id, temporaryPassword }, needsApproval }, { onSuccess: onReset });
  };
  const passwordError = isApiProblem(resetting.error) ? resetting.error.fieldError('/temporaryPassword') : undefined;

  return (
    <ModalDialog onClose={onClose} width="xl" describedBy={textId}>
      <form ref={form} onSubmit={submit} noValidate className="space-y-4 p-6">
        <DialogTitle className="text-xl font-bold">Reset the password of {user.displayName}</DialogTitle>
        {mailOn && <SendLink user={user} />}
        {temporaryAllowed ? (
          <>
        <p id={textId} className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
          {user.displayName} is signed out everywhere at once. They sign in with the temporary password, which is given to them in person or by phone, and must then choose their own.
          {needsApproval && ' Their roles decide or administer: the password is generated when another administrator approves the reset, and shown only to that administrator, who gives it to them.'}
        </p>
        {!needsApproval && (
          <Field label="Temporary password" hint={passwordPolicyHint} error={passwordError}>
            {(props) => (
              <input
                {...props}
                type="text"
                autoComplete="off"
                spellCheck={false}
                className={`${inputClasses} font-mono`}
                value={temporaryPassword}
                onChange={(e) => setTemporaryPassword(e.target.value)}
              />
            )}
          </Field>
        )}
        <FormFooter error={resetting.error} errorShownAtField={Boolean(passwordError)} pending={resetting.isPending} submitLabel={needsApproval ? 'Ask for the reset' : 'Reset password'} pendingLabel="Resetting…" onCancel={onClose} />
          </>
        ) : (
          <>
            <p id={textId}>Their roles decide or administer: with mail on, nobody sets a password for them but themselves.</p>
            <button type="button" className={buttonClasses.secondary} onClick={onClose}>
              Close
            </button>
          </>
        )}
      </form>
    </ModalDialog>
  );
}
