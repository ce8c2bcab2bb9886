import { useMutation, useQueryClient } from '@tanstack/react-query';
import { webhookEndpointSchema } from '#domain/webhooks/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { webhooksKey } from './query-keys.ts';

/** POST /api/webhooks/{id}/enable. */
function enableWebhook(id: string) {
  return apiFetch(apiPath(routes.enableWebhook.path, { id }), { method: 'POST', schema: webhookEndpointSchema });
}

export function useEnableWebhook() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: enableWebhook, onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey }) });
}
