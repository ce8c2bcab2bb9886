import { useEffect, useRef, type SubmitEvent } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ApiProblem, isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useLogin } from '../api/login.ts';
import { TextField } from './text-field.tsx';

function formError(error: Error | null): string | null {
  if (!error) return null;
  if (isApiProblem(error, 401)) return 'The email or password is not correct.';
  // Locked after repeated failures: the server's message names the time to come back.
  if (isApiProblem(error, 429)) return describeError(error);
  if (error instanceof ApiProblem && error.fieldErrors.length > 0) return 'Check the fields marked below and try again.';
  return describeError(error);
}

/** `notice`: a failure to show before anything is typed (a single sign-on that came back refused). */
export function LoginForm({ onSignedIn, notice = null }: { onSignedIn: () => void; notice?: string | null }) {
  const login = useLogin();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const problem = login.error instanceof ApiProblem ? login.error : null;
  const emailError = problem?.fieldError('/email');
  const passwordError = problem?.fieldError('/password');

  // Take the reader to the first field to fix; the alert above says why.
  useEffect(() => {
    if (emailError) emailRef.current?.focus();
    else if (passwordError) passwordRef.current?.focus();
  }, [emailError, passwordError]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = data.get('email');
    const password = data.get('password');
    login.mutate({ email: typeof email === 'string' ? email : '', password: typeof password === 'string' ? password : '' }, { onSuccess: onSignedIn });
  };

  const message = formError(login.error) ?? notice;
  return (
    // noValidate: the server's messages are the ones shown, in one style, for every field.
    <form noValidate onSubmit={submit} className="space-y-5">
      {/* Always present, so assistive technology is already watching it when text arrives. */}
      <div role="alert">
        {message && <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">{message}</p>}
      </div>
      <TextField ref={emailRef} name="email" label="Email" type="email" autoComplete="username" spellCheck={false} error={emailError} />
      <TextField ref={passwordRef} name="password" label="Password" type="password" autoComplete="current-password" error={passwordError} />
      <button type="submit" className={`${buttonClasses.primary} w-full`} disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
