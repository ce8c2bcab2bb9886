import { useId, useState, type SubmitEvent } from 'react';
import { webhookEventLabels, webhookEventTypes, type WebhookEventType } from '#domain/webhooks/contract.ts';
import { FormFooter } from '#src/components/ui/form-footer.tsx';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { useRegisterWebhook } from '../api/register-webhook.ts';

interface Props {
  onRegistered: (registered: { url: string; secret: string }) => void;
}

/** Address, description and events of a new endpoint; the server checks them again. */
export function RegisterWebhookForm({ onRegistered }: Props) {
  const registering = useRegisterWebhook();
  const eventsId = useId();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['package.approved']);
  const [errors, setErrors] = useState<{ url?: string; events?: string }>({});

  const toggle = (type: WebhookEventType, on: boolean) => setEvents((current) => (on ? webhookEventTypes.filter((t) => t === type || current.includes(t)) : current.filter((t) => t !== type)));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (registering.isPending) return;
    const trimmed = url.trim();
    const found = {
      ...(/^https?:\/\/\S+$/.test(trimmed) ? {} : { url: 'Give an http:// or https:// address' }),
      ...(events.length > 0 ? {} : { events: 'Choose at least one event' }),
    };
    setErrors(found);
    if (found.url || found.events) return;
    registering.mutate(
      { url: trimmed, description: description.trim(), events },
      {
        onSuccess: (registered) => {
          setUrl('');
          setDescription('');
          onRegistered({ url: registered.endpoint.url, secret: registered.secret });
        },
      },
    );
  };
  const serverError = (pointer: string) => (isApiProblem(registering.error) ? registering.error.fieldError(pointer) : undefined);
  const urlError = errors.url ?? serverError('/url');
  const eventsError = errors.events ?? serverError('/events');

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field label="Address" hint="Where each event is POSTed, for example your deployment pipeline’s trigger." error={urlError}>
        {(props) => <input {...props} type="url" className={inputClasses} value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <Field label="Description (optional)" error={serverError('/description')}>
        {(props) => <input {...props} className={inputClasses} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <fieldset className="space-y-1" aria-describedby={eventsError ? `${eventsId}-error` : undefined}>
        <legend className="font-semibold">Events</legend>
        {webhookEventTypes.map((type) => (
          <label key={type} className="flex items-center gap-2">
            <input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
            {webhookEventLabels[type]} <code className="text-sm text-slate-600">{type}</code>
          </label>
        ))}
        {eventsError && (
          <p id={`${eventsId}-error`} className="text-red-800">
            {eventsError}
          </p>
        )}
      </fieldset>
      <FormFooter error={registering.error} errorShownAtField={Boolean(urlError || eventsError)} pending={registering.isPending} submitLabel="Register endpoint" pendingLabel="Registering…" />
    </form>
  );
}
