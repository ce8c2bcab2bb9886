import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { mailKindOrder, notificationKindLabels, type MailMode, type MailModes, type NotificationPreferences } from '#domain/contracts/notification-preferences.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useNotificationPreferences } from '../api/get-notification-preferences.ts';
import { useUpdateNotificationPreferences } from '../api/update-notification-preferences.ts';

const modeLabels: Record<MailMode, string> = { immediate: 'At once', digest: 'In the daily digest', off: 'No email' };
const modes: readonly MailMode[] = ['immediate', 'digest', 'off'];

/** The signed-in person's email: per kind of notification, mailed at once, gathered into a daily digest, or not mailed. */
export function NotificationPreferencesPage() {
  usePageTitle('Email notifications');
  const preferences = useNotificationPreferences();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeading>Email notifications</PageHeading>
      {preferences.isPending && <LoadingNotice>Loading your email preferences…</LoadingNotice>}
      {preferences.isError && <ErrorNotice title="Your email preferences could not be loaded." error={preferences.error} onRetry={() => void preferences.refetch()} retrying={preferences.isFetching} />}
      {preferences.data && <PreferencesForm preferences={preferences.data} />}
    </div>
  );
}

function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const [chosen, setChosen] = useState<MailModes>(preferences.modes);
  const [saved, setSaved] = useState(false);
  const update = useUpdateNotificationPreferences();
  const form = useRef<HTMLFormElement>(null);
  // After a refusal, the choice to fix takes the focus (its message is read with its group).
  useEffect(() => {
    if (update.error) form.current?.querySelector<HTMLElement>('fieldset[data-invalid] input:checked, fieldset[data-invalid] input')?.focus();
  }, [update.error]);
  const problem = isApiProblem(update.error, 422) ? update.error : null;
  const hour = `${String(preferences.digestHourUtc).padStart(2, '0')}:00 UTC`;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    update.mutate({ modes: chosen }, { onSuccess: () => setSaved(true) });
  };

  return (
    <>
      <p>
        Mail goes to <span className="font-semibold">{preferences.email}</span>. Every notification also appears under Notifications in the app, whatever you choose here. The daily digest
        is sent at {hour} with what happened since the last one.
      </p>
      {!preferences.mailEnabled && (
        <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">This server sends no email yet (an administrator has not set up SMTP). Your choices are kept and apply once it does.</p>
      )}
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4">
        {mailKindOrder.map((kind) => {
          const error = problem?.fieldError(`/modes/${kind}`);
          const errorId = `mail-mode-${kind}-error`;
          return (
            <fieldset key={kind} className="rounded-md border border-slate-300 bg-white p-4" aria-describedby={error ? errorId : undefined} data-invalid={error ? true : undefined}>
              <legend className="px-1 font-semibold">{notificationKindLabels[kind]}</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {modes.map((mode) => (
                  <label key={mode} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`mail-mode-${kind}`}
                      value={mode}
                      checked={chosen[kind] === mode}
                      onChange={() => {
                        setSaved(false);
                        setChosen((current) => ({ ...current, [kind]: mode }));
                      }}
                      className="h-4 w-4"
                    />
                    {modeLabels[mode]}
                  </label>
                ))}
              </div>
              {error && (
                <p id={errorId} className="mt-2 text-red-800">
                  {error}
                </p>
              )}
            </fieldset>
          );
        })}
        {update.isError && !problem && <p className="text-red-800">{describeError(update.error)}</p>}
        <button type="submit" className={buttonClasses.primary} disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save email preferences'}
        </button>
        <p role="status">{saved ? 'Your email preferences are saved.' : ''}</p>
      </form>
    </>
  );
}
