import { queryOptions, useQuery } from '@tanstack/react-query';
import { samlPaths, ssoConfigSchema, ssoPaths, type SsoConfig } from '#domain/contracts/sso.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { isApiProblem } from '#src/lib/api-problem.ts';

/** The single sign-on protocols the server may offer, each with its own routes. */
export type SsoProtocol = 'oidc' | 'saml';

export const ssoRoutes: Record<SsoProtocol, { config: string; login: string }> = {
  oidc: ssoPaths,
  saml: samlPaths,
};

export const ssoConfigKeys = {
  all: ['sso-config'] as const,
  protocol: (protocol: SsoProtocol) => [...ssoConfigKeys.all, protocol] as const,
};

const off: SsoConfig = { enabled: false, displayName: null };

/**
 * Whether the server offers single sign-on by this protocol. The route lives beside the JSON
 * route table, so an API without it (the mocks) answers 404: that means off, not an error.
 */
export async function getSsoConfig(protocol: SsoProtocol, signal?: AbortSignal): Promise<SsoConfig> {
  try {
    return await apiFetch(ssoRoutes[protocol].config, { schema: ssoConfigSchema, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (isApiProblem(error, 404)) return off;
    throw error;
  }
}

export function ssoConfigQueryOptions(protocol: SsoProtocol) {
  return queryOptions({
    queryKey: ssoConfigKeys.protocol(protocol),
    queryFn: ({ signal }) => getSsoConfig(protocol, signal),
    // Configuration changes with a restart, not while the page is open.
    staleTime: Infinity,
    // The password form works without it: no retries delaying anything.
    retry: false,
  });
}

export function useSsoConfig(protocol: SsoProtocol) {
  return useQuery(ssoConfigQueryOptions(protocol));
}
