import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookEndpointSchema } from '#domain/webhooks/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { webhooksKey } from './query-keys.ts';

/** POST /api/webhooks/{id}/disable: its deliveries wait until it is enabled again. */
function disableWebhook(id: string) {
  return apiFetch(apiPath(routes.disableWebhook.path, { id }), { method: 'POST', schema: webhookEndpointSchema });
}

export function useDisableWebhook() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: disableWebhook, onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey }) });
}
