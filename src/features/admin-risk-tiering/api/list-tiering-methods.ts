import { queryOptions, useQuery } from '@tanstack/react-query';
import { tieringMethodListSchema, type TieringMethodList } from '#domain/contracts/revalidation.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { riskTieringKeys } from './risk-tiering-keys.ts';

/** Every tiering method version (never edited), oldest published first. */
export function listTieringMethods(signal?: AbortSignal): Promise<TieringMethodList> {
  return apiFetch(routes.listTieringMethods.path, { schema: tieringMethodListSchema, ...(signal ? { signal } : {}) });
}

export function tieringMethodsQueryOptions() {
  return queryOptions({ queryKey: riskTieringKeys.methods(), queryFn: ({ signal }) => listTieringMethods(signal) });
}

export function useTieringMethods() {
  return useQuery(tieringMethodsQueryOptions());
}
