import { queryOptions, useQuery } from '@tanstack/react-query';
import { ssoConfigSchema, ssoPaths, type SsoConfig } from '#domain/contracts/sso.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { isApiProblem } from '#src/lib/api-problem.ts';

export const ssoConfigKeys = {
  all: ['sso-config'] as const,
};

const off: SsoConfig = { enabled: false, displayName: null };

/**
 * Whether the server offers single sign-on. The route lives beside the JSON route table, so
 * an API without it (the mocks) answers 404: that means off, not an error.
 */
export async function getSsoConfig(signal?: AbortSignal): Promise<SsoConfig> {
  try {
    return await apiFetch(ssoPaths.config, { schema: ssoConfigSchema, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (isApiProblem(error, 404)) return off;
    throw error;
  }
}

export function ssoConfigQueryOptions() {
  return queryOptions({
    queryKey: ssoConfigKeys.all,
    queryFn: ({ signal }) => getSsoConfig(signal),
    // Configuration changes with a restart, not while the page is open.
    staleTime: Infinity,
    // The password form works without it: no retries delaying anything.
    retry: false,
  });
}

export function useSsoConfig() {
  return useQuery(ssoConfigQueryOptions());
}
