import { queryOptions, useQuery } from '@tanstack/react-query';
import { adminRegistriesSchema } from '#domain/contracts/registries.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

export const registriesKey = ['admin', 'registries'] as const;

/** GET /api/admin/registries: the connectors (from the configuration, never a credential) and the latest write-backs. */
export function registriesQueryOptions() {
  return queryOptions({
    queryKey: registriesKey,
    queryFn: ({ signal }) => apiFetch(routes.adminRegistries.path, { schema: adminRegistriesSchema, signal }),
  });
}

export function useRegistries() {
  return useQuery(registriesQueryOptions());
}
