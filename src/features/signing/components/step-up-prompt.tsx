import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useStepUp } from '../api/step-up.ts';

/**
 * Asks for the password before a passkey is added or removed, then carries on with what
 * was asked. Accounts without a password (single sign-on) are told to sign in again instead.
 */
export function StepUpPrompt({ detail, onConfirmed, onCancel }: { detail: string; onConfirmed: () => void; onCancel: () => void }) {
  const stepUp = useStepUp();
  const viewer = useViewer();
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  // The prompt appears because of what the person just did: take them to the field it asks for.
  useEffect(() => passwordRef.current?.focus(), []);
  const [localError, setLocalError] = useState<string>();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (stepUp.isPending) return;
    const problem = password ? undefined : 'Enter your password';
    setLocalError(problem);
    if (problem) return;
    stepUp.mutate(password, { onSuccess: () => onConfirmed() });
  };
  const fieldError = localError ?? (isApiProblem(stepUp.error) ? stepUp.error.fieldError('/password') : undefined);
  const otherError = stepUp.error && !fieldError ? describeError(stepUp.error) : undefined;
  if (viewer?.sso) {
    return (
      <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
        <p>{detail}</p>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="step-up-heading" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id="step-up-heading" className="font-bold">
        Confirm it is you
      </h3>
      <p>{detail} The confirmation lasts ten minutes.</p>
      <Field label="Your password" error={fieldError}>
        {(props) => <input {...props} ref={passwordRef} type="password" autoComplete="current-password" className={inputClasses} value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      {otherError && (
        <p role="alert" className="text-red-800">
          {otherError}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClasses.primary}>
          {stepUp.isPending ? 'Checking…' : 'Confirm password'}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
