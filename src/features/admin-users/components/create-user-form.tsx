import { useRef, useState, type SubmitEvent } from 'react';
import { passwordProblem } from '#domain/accounts/password-policy.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { FormFooter } from '#src/components/ui/form-footer.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { passwordPolicyHint } from '#src/lib/password-policy-hint.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { holdsPrivilegedRole, isBootstrapAdministrator } from '#domain/accounts/privileged-changes.ts';
import { useAccountChange, type AccountChangeOutcome } from '../api/account-change.ts';
import { fieldErrorOf } from './field-errors.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';

const fields = ['/email', '/displayName', '/title', '/roles', '/temporaryPassword'] as const;

/**
 * A new account: who it is, what it may do, and (mail off) the temporary password to hand over;
 * with mail on, no password: its holder is mailed a set-password link (0186). The server checks everything.
 */
export function CreateUserForm({ administrators, mailOn, onCreated }: { administrators: number; mailOn: boolean; onCreated: (outcome: AccountChangeOutcome) => void }) {
  const creating = useAccountChange();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [title, setTitle] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [temporaryPassword, setTemporaryPassword] = useState('');
  // The policy's verdict on the password sent: the server names it only once the other fields
  // pass, so it is shown with theirs, and every problem is known after one submission.
  const [policyProblem, setPolicyProblem] = useState<string | null>(null);
  useFocusFirstInvalid(form, creating.error);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating.isPending) return;
    setPolicyProblem(mailOn ? null : passwordProblem(temporaryPassword, { email, displayName }));
    // A role that decides or administers waits for a second administrator (0175).
    const needsApproval = holdsPrivilegedRole(roles) && !isBootstrapAdministrator(roles, administrators);
    const credential = mailOn ? {} : { temporaryPassword };
    creating.mutate(
      { change: { kind: 'create_account', email, displayName, title, roles, ...credential }, needsApproval },
      {
        onSuccess: (outcome) => {
          setEmail('');
          setDisplayName('');
          setTitle('');
          setRoles([]);
          setTemporaryPassword('');
          onCreated(outcome);
        },
      },
    );
  };
  const problem = isApiProblem(creating.error) ? creating.error : null;
  const refusedFields = problem !== null && problem.fieldErrors.length > 0;
  const error = (pointer: (typeof fields)[number]) =>
    fieldErrorOf(problem, pointer) ?? (pointer === '/temporaryPassword' && refusedFields ? (policyProblem ?? undefined) : undefined);
  const unplaced = creating.error && !fields.some((pointer) => error(pointer));

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" hint="They sign in with it." error={error('/email')}>
          {(props) => <input {...props} type="email" autoComplete="off" spellCheck={false} className={inputClasses} value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Name" hint="As printed on their signatures." error={error('/displayName')}>
          {(props) => <input {...props} autoComplete="off" className={inputClasses} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
      </div>
      <Field label="Title (optional)" hint="Printed after the name, for example “Fair Lending Officer”." error={error('/title')}>
        {(props) => <input {...props} autoComplete="off" className={inputClasses} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <RoleCheckboxes legend="Roles" roles={roles} onChange={setRoles} error={error('/roles')} />
      <p className="text-sm text-slate-700">Any role but model owner decides or administers: the account is then created when another administrator approves it.</p>
      {mailOn ? (
        <p className="text-sm text-slate-700">
          No password to choose: the account is created without one, and a link to set their own password is mailed to its email address. It works once, for 24 hours; nobody else learns the
          password.
        </p>
      ) : (
        <Field label="Temporary password" hint={`Give it to them in person or by phone; they must replace it when they first sign in. ${passwordPolicyHint}`} error={error('/temporaryPassword')}>
          {(props) => <input {...props} type="text" autoComplete="off" spellCheck={false} className={`${inputClasses} font-mono`} value={temporaryPassword} onChange={(e) => setTemporaryPassword(e.target.value)} />}
        </Field>
      )}
      <FormFooter error={creating.error} errorShownAtField={!unplaced} pending={creating.isPending} submitLabel="Create account" pendingLabel="Creating…" />
    </form>
  );
}
