import type { WebhookAttemptFailure, WebhookDelivery } from '#domain/webhooks/contract.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { useWebhookDeliveries } from '../api/list-webhook-deliveries.ts';

const statusLabels: Record<WebhookDelivery['status'], string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

/** What the log says when no HTTP answer came: a class, never the network error (see webhookAttemptFailures). */
const failureLabels: Record<WebhookAttemptFailure, string> = {
  'refused: loopback address': 'Not sent: the address is this server (loopback)',
  'refused: private address': 'Not sent: private network address',
  'refused: link-local address': 'Not sent: link-local address',
  'refused: metadata address': 'Not sent: cloud metadata address',
  'refused: reserved address': 'Not sent: reserved address',
  'host not found': 'Host not found',
  'connection failed': 'Connection failed',
  'TLS failure': 'TLS failure',
  timeout: 'Timed out',
};

function attemptOutcome(attempt: WebhookDelivery['attemptLog'][number]): string {
  if (attempt.statusCode !== null) return `HTTP ${attempt.statusCode}`;
  return attempt.error ? failureLabels[attempt.error] : 'No answer';
}

const columns: readonly Column<WebhookDelivery>[] = [
  {
    header: 'Event',
    cell: (delivery) => (
      <>
        <code>{delivery.eventType}</code>
        <span className="block text-slate-600">
          <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time> · <code>{delivery.eventId}</code>
        </span>
      </>
    ),
  },
  {
    header: 'Status',
    cell: (delivery) => (
      <>
        {statusLabels[delivery.status]}
        {delivery.nextAttemptAt && (
          <span className="block text-slate-600">
            Next try <time dateTime={delivery.nextAttemptAt}>{formatDateTime(delivery.nextAttemptAt)}</time>
          </span>
        )}
      </>
    ),
  },
  {
    header: 'Attempts',
    cell: (delivery) =>
      delivery.attemptLog.length === 0 ? (
        'Not tried yet'
      ) : (
        <ol className="space-y-1">
          {delivery.attemptLog.map((attempt) => (
            <li key={attempt.attempt}>
              {attempt.attempt}. <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>: {attemptOutcome(attempt)} ({attempt.durationMs} ms)
            </li>
          ))}
        </ol>
      ),
  },
];

/** One endpoint's latest deliveries: the event, where it stands, and what the receiver answered each time. */
export function DeliveryLog({ endpointId, label }: { endpointId: string; label: string }) {
  const deliveries = useWebhookDeliveries(endpointId);
  if (deliveries.isPending) return <LoadingNotice>Loading the deliveries…</LoadingNotice>;
  if (deliveries.isError) return <ErrorNotice title="The deliveries could not be loaded." error={deliveries.error} onRetry={() => void deliveries.refetch()} retrying={deliveries.isFetching} />;
  if (deliveries.data.length === 0) return <p>Nothing has been sent to this endpoint yet.</p>;
  return <DataTable look="ruled" className="text-sm" caption={`Deliveries to ${label}`} rowHeaders={false} columns={columns} rows={deliveries.data} rowKey={(delivery) => delivery.id} />;
}
