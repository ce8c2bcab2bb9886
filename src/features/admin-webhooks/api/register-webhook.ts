import { useMutation, useQueryClient } from '@tanstack/react-query';
import { registeredWebhookSchema, type RegisterWebhookRequest } from '#domain/webhooks/contract.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { webhooksKey } from './query-keys.ts';

/** POST /api/webhooks: the one response that carries the signing secret; it is kept in no cache. */
function registerWebhook(request: RegisterWebhookRequest) {
  return apiFetch(routes.registerWebhook.path, { method: 'POST', body: request, schema: registeredWebhookSchema });
}

export function useRegisterWebhook() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: registerWebhook, onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey }) });
}
