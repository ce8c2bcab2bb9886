import { queryOptions } from '@tanstack/react-query';
import { serverKeyListSchema } from '#domain/contracts/signatures.ts';
import { signingRoutes } from '#api/signing/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** The server's published countersigning keys; they change only by rotation, rarely. */
export function serverKeysQueryOptions() {
  return queryOptions({
    queryKey: ['signing', 'server-keys'] as const,
    queryFn: async ({ signal }) => (await apiFetch(signingRoutes.serverKeys.path, { schema: serverKeyListSchema, signal })).keys,
    staleTime: 10 * 60_000,
  });
}
