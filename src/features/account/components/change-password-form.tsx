import { useRef, useState, type SubmitEvent } from 'react';
import { passwordProblem } from '#domain/accounts/password-policy.ts';
import type { User } from '#domain/contracts/users.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { passwordPolicyHint } from '#src/lib/password-policy-hint.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { useChangePassword } from '../api/change-password.ts';

interface Errors {
  currentPassword?: string;
  newPassword?: string;
}

interface Props {
  user: User | null;
  /** `submitLabel`: what the button says, "Replace password" when a temporary one must go. */
  submitLabel: string;
  currentHint?: string;
  onChanged: () => void;
}

/** Current and new password; the policy is checked here first and by the server again. */
export function ChangePasswordForm({ user, submitLabel, currentHint, onChanged }: Props) {
  const changing = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  useFocusFirstInvalid(form, changing.error ?? errors);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (changing.isPending) return;
    changing.reset();
    const policy = passwordProblem(newPassword, { email: user?.email ?? '', displayName: user?.displayName ?? '' });
    const found: Errors = {
      ...(currentPassword ? {} : { currentPassword: 'Enter your current password' }),
      ...(newPassword === '' ? { newPassword: 'Enter a new password' } : policy ? { newPassword: policy } : newPassword === currentPassword ? { newPassword: 'Choose a password other than the current one' } : {}),
    };
    setErrors(found);
    if (found.currentPassword || found.newPassword) return;
    changing.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          onChanged();
        },
      },
    );
  };
  const serverError = (pointer: string) => (isApiProblem(changing.error) ? changing.error.fieldError(pointer) : undefined);
  const currentError = errors.currentPassword ?? serverError('/currentPassword');
  const newError = errors.newPassword ?? serverError('/newPassword');

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-4">
      <Field label="Current password" hint={currentHint} error={currentError}>
        {(props) => <input {...props} type="password" autoComplete="current-password" className={inputClasses} value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />}
      </Field>
      <Field label="New password" hint={passwordPolicyHint} error={newError}>
        {(props) => <input {...props} type="password" autoComplete="new-password" className={inputClasses} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />}
      </Field>
      {changing.error && !currentError && !newError && (
        <p role="alert" className="text-red-800">
          {describeError(changing.error)}
        </p>
      )}
      <button type="submit" className={buttonClasses.primary} disabled={changing.isPending}>
        {changing.isPending ? 'Changing…' : submitLabel}
      </button>
    </form>
  );
}
