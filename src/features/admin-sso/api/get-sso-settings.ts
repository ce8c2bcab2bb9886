import { queryOptions, useQuery } from '@tanstack/react-query';
import { ssoSettingsResponseSchema } from '#domain/contracts/sso.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

export const ssoSettingsKey = ['admin', 'sso'] as const;

/** GET /api/admin/sso: the SAML single sign-on configuration, read-only (never a key). */
export function ssoSettingsQueryOptions() {
  return queryOptions({
    queryKey: ssoSettingsKey,
    queryFn: ({ signal }) => apiFetch(routes.ssoSettings.path, { schema: ssoSettingsResponseSchema, signal }),
    // Set by environment variables: it changes with a restart, not while the page is open.
    staleTime: Infinity,
  });
}

export function useSsoSettings() {
  return useQuery(ssoSettingsQueryOptions());
}
