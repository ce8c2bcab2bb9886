import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdApiTokenSchema, type CreateApiTokenRequest } from '#domain/contracts/api-tokens.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { apiTokensKey } from './query-keys.ts';

/** POST /api/tokens: the one response that carries the secret; it is kept in no cache. */
function createApiToken(request: CreateApiTokenRequest) {
  return apiFetch(routes.createApiToken.path, { method: 'POST', body: request, schema: createdApiTokenSchema });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createApiToken, onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }) });
}
