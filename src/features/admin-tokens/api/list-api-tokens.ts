import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiTokenListSchema } from '#domain/contracts/api-tokens.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { apiTokensKey } from './query-keys.ts';

/** GET /api/tokens: every token (never a secret) and the models a token can be scoped to. */
export function apiTokensQueryOptions() {
  return queryOptions({
    queryKey: apiTokensKey,
    queryFn: ({ signal }) => apiFetch(routes.listApiTokens.path, { schema: apiTokenListSchema, signal }),
  });
}

export function useApiTokens() {
  return useQuery(apiTokensQueryOptions());
}
