import { queryOptions, useQuery } from '@tanstack/react-query';
import { webhookEndpointListSchema } from '#domain/webhooks/contract.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { webhooksKey } from './query-keys.ts';

/** GET /api/webhooks: every registered endpoint (never a secret). */
export function webhooksQueryOptions() {
  return queryOptions({
    queryKey: webhooksKey,
    queryFn: async ({ signal }) => (await apiFetch(routes.listWebhooks.path, { schema: webhookEndpointListSchema, signal })).items,
  });
}

export function useWebhooks() {
  return useQuery(webhooksQueryOptions());
}
