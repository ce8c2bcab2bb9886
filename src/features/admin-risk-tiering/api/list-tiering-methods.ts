import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { noteCatalogueOutcome } from '#src/lib/catalogue-proposes.ts';
import type { PublishTieringMethodRequest } from '#domain/contracts/risk-assessment.ts';
import { tieringMethodListSchema, type TieringMethodList } from '#domain/contracts/revalidation.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { changeCatalogue, type CatalogueOutcome } from '#src/lib/catalogue-change.ts';
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

const publishedMethodSchema = tieringMethodListSchema.shape.items.element;

/** Publishes the next method version (the server numbers it and refuses a stale `replacesVersion`, 409), or proposes it once two administrators exist (0182). */
export function publishTieringMethod(request: PublishTieringMethodRequest): Promise<CatalogueOutcome<TieringMethodList['items'][number]>> {
  return changeCatalogue({ kind: 'publish_tiering_method', change: request }, () => apiFetch(routes.publishTieringMethod.path, { method: 'POST', body: request, schema: publishedMethodSchema }));
}

export function usePublishTieringMethod() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: publishTieringMethod, onSuccess: (outcome) => {
      noteCatalogueOutcome(queryClient, outcome);
      return queryClient.invalidateQueries({ queryKey: riskTieringKeys.all });
    },
  });
}
