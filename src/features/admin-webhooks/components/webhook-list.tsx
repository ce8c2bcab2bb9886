import { useState } from 'react';
import type { WebhookEndpoint } from '#domain/webhooks/contract.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ConfirmStep } from '#src/components/ui/confirm-step.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useDisableWebhook } from '../api/disable-webhook.ts';
import { useEnableWebhook } from '../api/enable-webhook.ts';
import { DeliveryLog } from './delivery-log.tsx';

/** The registered endpoints, each with disable/enable (confirmed first) and its delivery log. */
export function WebhookList({ endpoints }: { endpoints: readonly WebhookEndpoint[] }) {
  const disabling = useDisableWebhook();
  const enabling = useEnableWebhook();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggleLog = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  if (endpoints.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-4">No endpoint is registered yet.</p>;
  const error = disabling.error ?? enabling.error;
  return (
    <>
      <ul className="space-y-3">
        {endpoints.map((endpoint) => {
          const label = endpoint.description || endpoint.url;
          const change = endpoint.enabled ? disabling : enabling;
          return (
            <li key={endpoint.id} className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 className="font-semibold">{label}</h3>
                  <p className="break-all font-mono text-sm">{endpoint.url}</p>
                  <p className="text-sm text-slate-600">
                    {endpoint.enabled ? 'Enabled' : 'Disabled: deliveries wait'} · {endpoint.events.join(', ')} · registered by {endpoint.createdBy.displayName},{' '}
                    <time dateTime={endpoint.createdAt}>{formatDateTime(endpoint.createdAt)}</time>
                  </p>
                </div>
                <ConfirmStep
                  beside={
                    <button type="button" className={buttonClasses.secondary} aria-expanded={open.has(endpoint.id)} onClick={() => toggleLog(endpoint.id)}>
                      {open.has(endpoint.id) ? 'Hide deliveries' : 'Show deliveries'}
                      <span className="sr-only"> of {label}</span>
                    </button>
                  }
                  action={endpoint.enabled ? 'Disable' : 'Enable'}
                  actionLabel={`${endpoint.enabled ? 'Disable' : 'Enable'} ${label}`}
                  label={`Confirm ${endpoint.enabled ? 'disabling' : 'enabling'} ${label}`}
                  confirm={endpoint.enabled ? 'Disable endpoint' : 'Enable endpoint'}
                  cancel="Cancel"
                  onConfirm={(done) => change.mutate(endpoint.id, { onSettled: done })}
                >
                  {endpoint.enabled ? 'Disable it? Events are queued, not sent, until it is enabled.' : 'Enable it? Queued events are sent.'}
                </ConfirmStep>
              </div>
              {open.has(endpoint.id) && <DeliveryLog endpointId={endpoint.id} label={label} />}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="text-red-800">
          {describeError(error)}
        </p>
      )}
    </>
  );
}
