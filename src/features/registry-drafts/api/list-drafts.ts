import { queryOptions, useQuery } from '@tanstack/react-query';
import { registryDraftListSchema, registryDraftSchema } from '#domain/contracts/registries.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

export const registryDraftsKey = ['registry-drafts'] as const;

/** GET /api/registries/drafts: drafts registry events made for the caller (administrators: all). */
export function registryDraftsQueryOptions() {
  return queryOptions({
    queryKey: registryDraftsKey,
    queryFn: async ({ signal }) => (await apiFetch(routes.listRegistryDrafts.path, { schema: registryDraftListSchema, signal })).items,
  });
}

export function useRegistryDrafts() {
  return useQuery(registryDraftsQueryOptions());
}

/** GET /api/registries/drafts/{id}: one draft with its pre-filled package content. */
export function fetchRegistryDraft(id: string) {
  return apiFetch(apiPath(routes.getRegistryDraft.path, { id }), { schema: registryDraftSchema });
}
