import { useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { passwordProblem } from '#domain/accounts/password-policy.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { passwordPolicyHint } from '#src/lib/password-policy-hint.ts';
import { useFocusFirstInvalid } from '#src/lib/use-focus-first-invalid.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useSetPassword } from '../api/set-password.ts';

// The page a set-password link opens (docs/decisions/0181). The token is the URL's fragment:
// browsers send a fragment neither to the server nor in a Referer, so it stays out of logs.
// It is read once, when the page opens, and the fragment is cleared from the address bar.

function takeToken(): string {
  const token = window.location.hash.replace(/^#/, '');
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

export function SetPasswordPage() {
  usePageTitle('Set your password');
  const [token] = useState(takeToken);
  const setting = useSetPassword();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [policyError, setPolicyError] = useState<string>();
  useFocusFirstInvalid(form, setting.error ?? policyError);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setting.isPending) return;
    setting.reset();
    const policy = password ? passwordProblem(password, {}) : 'Enter a password';
    setPolicyError(policy ?? undefined);
    if (policy) return;
    setting.mutate({ token, password });
  };
  const problem = isApiProblem(setting.error) ? setting.error : null;
  const passwordError = policyError ?? problem?.fieldError('/password');
  const tokenError = problem?.fieldError('/token');
  const unplaced = setting.error && !passwordError && !tokenError;

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeading>Set your password</PageHeading>
      {setting.isSuccess ? (
        <p role="status">
          Your password is set, and any session on your account has ended. <Link to="/login">Sign in</Link> with it.
        </p>
      ) : !token ? (
        <p role="alert" className="text-red-800">
          This page needs the link from your mail. Open the link as it was sent to you, or ask your administrator for a new one.
        </p>
      ) : (
        <form ref={form} onSubmit={submit} noValidate className="space-y-4">
          <p className="text-slate-700">Only you receive this link. It works once, for 24 hours; an administrator never sees the password you choose.</p>
          <Field label="New password" hint={passwordPolicyHint} error={passwordError}>
            {(props) => <input {...props} type="password" autoComplete="new-password" className={inputClasses} value={password} onChange={(event) => setPassword(event.target.value)} />}
          </Field>
          {tokenError && (
            <p role="alert" className="text-red-800">
              {tokenError}
            </p>
          )}
          {unplaced && (
            <p role="alert" className="text-red-800">
              {describeError(setting.error)}
            </p>
          )}
          <button type="submit" className={`${buttonClasses.primary} w-full`} disabled={setting.isPending}>
            {setting.isPending ? 'Setting your password…' : 'Set password'}
          </button>
        </form>
      )}
    </div>
  );
}
