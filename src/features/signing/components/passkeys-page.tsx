import { useState, type SubmitEvent } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { ConfirmStep } from '#src/components/ui/confirm-step.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useEnrolPasskey, usePasskeys, useRemovePasskey } from '../api/passkeys.ts';
import { needsStepUp } from '../api/step-up.ts';
import { StepUpPrompt } from './step-up-prompt.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';

/** Why enrolment failed, in words: the browser's own refusals come as DOMExceptions. */
function enrolmentError(error: unknown): string {
  if (error instanceof Error && error.name === 'NotAllowedError') return 'The passkey was not created: the request was cancelled or timed out.';
  if (error instanceof Error && error.name === 'InvalidStateError') return 'This device already holds a passkey for your account.';
  return describeError(error);
}

/** Account settings: the passkeys this account signs with. */
export function PasskeysPage() {
  usePageTitle('Passkeys for signing');
  const passkeys = usePasskeys();
  const enrolling = useEnrolPasskey();
  const removing = useRemovePasskey();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  // What to do again once the password is confirmed (the server asked for a fresh proof).
  const [afterStepUp, setAfterStepUp] = useState<{ detail: string; run: () => void } | null>(null);
  const askStepUpThen = (run: () => void) => (error: unknown) => {
    if (needsStepUp(error)) setAfterStepUp({ detail: error instanceof Error ? error.message : '', run });
  };
  const enrolNamed = (named: string) => enrolling.mutate(named, { onSuccess: () => setName(''), onError: askStepUpThen(() => enrolNamed(named)) });
  const remove = (credentialId: string, done: () => void) => removing.mutate(credentialId, { onSettled: done, onError: askStepUpThen(() => remove(credentialId, () => undefined)) });

  const enrol = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (enrolling.isPending) return;
    const problem = name.trim() ? undefined : 'Name this passkey, for example the device it is on';
    setNameError(problem);
    if (problem) return;
    enrolNamed(name.trim());
  };
  const serverNameError = isApiProblem(enrolling.error) ? enrolling.error.fieldError('/name') : undefined;

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeading>Passkeys for signing</PageHeading>
      <p>
        A passkey signs your decisions: your device asks for your fingerprint, face or PIN, and the signature covers the exact decision and package version. Without a passkey you
        sign by entering your password again.
      </p>
      <section aria-labelledby="passkeys-heading" className="space-y-3">
        <h2 id="passkeys-heading" className="text-xl font-bold">
          Your passkeys
        </h2>
        {passkeys.isPending && <LoadingNotice>Loading your passkeys…</LoadingNotice>}
        {passkeys.isError && <ErrorNotice title="Your passkeys could not be loaded." error={passkeys.error} onRetry={() => void passkeys.refetch()} retrying={passkeys.isFetching} />}
        {passkeys.data?.length === 0 && <p className="rounded-md border border-slate-200 bg-white p-4">You have no passkey yet.</p>}
        {passkeys.data && passkeys.data.length > 0 && (
          <ul className="space-y-2">
            {passkeys.data.map((passkey) => (
              <li key={passkey.credentialId} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white p-4">
                <span>
                  <span className="font-semibold">{passkey.name}</span>
                  <span className="block text-sm text-slate-600">
                    Added <time dateTime={passkey.createdAt}>{formatDateTime(passkey.createdAt)}</time>
                  </span>
                </span>
                <ConfirmStep
                  action="Remove"
                  actionLabel={`Remove ${passkey.name}`}
                  label={`Confirm removing ${passkey.name}`}
                  confirm="Remove passkey"
                  onConfirm={(done) => remove(passkey.credentialId, done)}
                >
                  Remove it? Signatures already made with it stay valid.
                </ConfirmStep>
              </li>
            ))}
          </ul>
        )}
        {afterStepUp && (
          <StepUpPrompt
            detail={afterStepUp.detail}
            onCancel={() => setAfterStepUp(null)}
            onConfirmed={() => {
              const { run } = afterStepUp;
              setAfterStepUp(null);
              run();
            }}
          />
        )}
        {removing.error && !needsStepUp(removing.error) && (
          <p role="alert" className="text-red-800">
            {describeError(removing.error)}
          </p>
        )}
      </section>
      <section aria-labelledby="add-heading" className="space-y-3">
        <h2 id="add-heading" className="text-xl font-bold">
          Add a passkey
        </h2>
        <form onSubmit={enrol} noValidate className="space-y-3">
          <Field label="Name" hint="So you can tell your passkeys apart, for example “Work laptop”." error={nameError ?? serverNameError}>
            {(props) => <input {...props} className={inputClasses} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          {enrolling.error && !serverNameError && !needsStepUp(enrolling.error) && (
            <p role="alert" className="text-red-800">
              {enrolmentError(enrolling.error)}
            </p>
          )}
          <button type="submit" className={buttonClasses.primary}>
            {enrolling.isPending ? 'Waiting for your device…' : 'Add a passkey'}
          </button>
        </form>
      </section>
    </div>
  );
}
