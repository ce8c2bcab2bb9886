import type { WebhookDelivery } from '#domain/contracts/webhooks.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { useWebhookDeliveries } from '../api/list-webhook-deliveries.ts';

const statusLabels: Record<WebhookDelivery['status'], string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

function attemptOutcome(attempt: WebhookDelivery['attemptLog'][number]): string {
  if (attempt.statusCode !== null) return `HTTP ${attempt.statusCode}`;
  return attempt.error ?? 'No answer';
}

/** One endpoint's latest deliveries: the event, where it stands, and what the receiver answered each time. */
export function DeliveryLog({ endpointId, label }: { endpointId: string; label: string }) {
  const deliveries = useWebhookDeliveries(endpointId);
  if (deliveries.isPending) return <LoadingNotice>Loading the deliveries…</LoadingNotice>;
  if (deliveries.isError) return <ErrorNotice title="The deliveries could not be loaded." error={deliveries.error} onRetry={() => void deliveries.refetch()} retrying={deliveries.isFetching} />;
  if (deliveries.data.length === 0) return <p>Nothing has been sent to this endpoint yet.</p>;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Deliveries to {label}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="p-2">
            Event
          </th>
          <th scope="col" className="p-2">
            Status
          </th>
          <th scope="col" className="p-2">
            Attempts
          </th>
        </tr>
      </thead>
      <tbody>
        {deliveries.data.map((delivery) => (
          <tr key={delivery.id} className="border-b border-slate-200 align-top">
            <td className="p-2">
              <code>{delivery.eventType}</code>
              <span className="block text-slate-600">
                <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time> · <code>{delivery.eventId}</code>
              </span>
            </td>
            <td className="p-2">
              {statusLabels[delivery.status]}
              {delivery.nextAttemptAt && (
                <span className="block text-slate-600">
                  Next try <time dateTime={delivery.nextAttemptAt}>{formatDateTime(delivery.nextAttemptAt)}</time>
                </span>
              )}
            </td>
            <td className="p-2">
              {delivery.attemptLog.length === 0 ? (
                'Not tried yet'
              ) : (
                <ol className="space-y-1">
                  {delivery.attemptLog.map((attempt) => (
                    <li key={attempt.attempt}>
                      {attempt.attempt}. <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>: {attemptOutcome(attempt)} ({attempt.durationMs} ms)
                    </li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
