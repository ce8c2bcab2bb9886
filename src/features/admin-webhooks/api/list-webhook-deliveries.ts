import { queryOptions, useQuery } from '@tanstack/react-query';
import { webhookDeliveryListSchema } from '#domain/webhooks/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { webhookDeliveriesKey } from './query-keys.ts';

/** GET /api/webhooks/{id}/deliveries: the latest deliveries with their attempts; refreshed while open, as retries land. */
export function webhookDeliveriesQueryOptions(id: string) {
  return queryOptions({
    queryKey: webhookDeliveriesKey(id),
    queryFn: async ({ signal }) => (await apiFetch(apiPath(routes.listWebhookDeliveries.path, { id }), { schema: webhookDeliveryListSchema, signal })).items,
    refetchInterval: 5_000,
  });
}

export function useWebhookDeliveries(id: string) {
  return useQuery(webhookDeliveriesQueryOptions(id));
}
