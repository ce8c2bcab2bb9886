import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiTokenSummarySchema } from '#domain/contracts/api-tokens.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { apiTokensKey } from './query-keys.ts';

/** POST /api/tokens/{id}/revocation. */
function revokeApiToken(id: string) {
  return apiFetch(apiPath(routes.revokeApiToken.path, { id }), { method: 'POST', schema: apiTokenSummarySchema });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeApiToken, onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }) });
}
