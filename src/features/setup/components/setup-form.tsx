import { useRef, useState, type SubmitEvent } from 'react';
import { passwordProblem } from '#domain/accounts/password-policy.ts';
import type { SetupRequest } from '#api/users/contract.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { passwordPolicyHint } from '#src/lib/password-policy-hint.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { useCompleteSetup } from '../api/complete-setup.ts';

type Key = keyof SetupRequest;
const keys: readonly Key[] = ['secret', 'email', 'displayName', 'title', 'password'];
const empty: SetupRequest = { secret: '', email: '', displayName: '', title: '', password: '' };

/** The setup secret, and who the first administrator is; the server checks everything again. */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const completing = useCompleteSetup();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SetupRequest>(empty);
  const [passwordError, setPasswordError] = useState<string>();
  useFocusFirstInvalid(form, completing.error ?? passwordError);
  const set = (key: Key) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (completing.isPending) return;
    completing.reset();
    // The policy's own words, before the round trip (the server applies the same rule).
    const policy = values.password ? passwordProblem(values.password, { email: values.email, displayName: values.displayName }) : null;
    setPasswordError(policy ?? undefined);
    if (policy) return;
    completing.mutate(values, { onSuccess: onDone });
  };
  const problem = isApiProblem(completing.error) ? completing.error : null;
  const error = (key: Key) => (key === 'password' ? passwordError : undefined) ?? problem?.fieldError(`/${key}`);
  const unplaced = completing.error && !keys.some((key) => error(key));

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-4">
      <Field label="Setup secret" hint="Printed in the server’s log when it first started; it works once." error={error('secret')}>
        {(props) => <input {...props} autoComplete="off" spellCheck={false} className={`${inputClasses} font-mono`} value={values.secret} onChange={set('secret')} />}
      </Field>
      <Field label="Email" error={error('email')}>
        {(props) => <input {...props} type="email" autoComplete="username" spellCheck={false} className={inputClasses} value={values.email} onChange={set('email')} />}
      </Field>
      <Field label="Name" hint="As printed on your signatures." error={error('displayName')}>
        {(props) => <input {...props} autoComplete="name" className={inputClasses} value={values.displayName} onChange={set('displayName')} />}
      </Field>
      <Field label="Title (optional)" hint="Printed after your name, for example “Platform Administrator”." error={error('title')}>
        {(props) => <input {...props} autoComplete="organization-title" className={inputClasses} value={values.title} onChange={set('title')} />}
      </Field>
      <Field label="Password" hint={passwordPolicyHint} error={error('password')}>
        {(props) => <input {...props} type="password" autoComplete="new-password" className={inputClasses} value={values.password} onChange={set('password')} />}
      </Field>
      {unplaced && (
        <p role="alert" className="text-red-800">
          {describeError(completing.error)}
        </p>
      )}
      <button type="submit" className={`${buttonClasses.primary} w-full`} disabled={completing.isPending}>
        {completing.isPending ? 'Creating the administrator…' : 'Create administrator and sign in'}
      </button>
    </form>
  );
}
