import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { registriesRoutes } from '#api/registries/routes.ts';
import { packageRegistrySchema, type PackageRegistry } from '#domain/contracts/registries.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** The registry version a package came from and where each write-back of its decisions stands. */
export function getPackageRegistry(id: string, signal?: AbortSignal): Promise<PackageRegistry> {
  return apiFetch(apiPath(registriesRoutes.getPackageRegistry.path, { id }), { schema: packageRegistrySchema, signal });
}

export function packageRegistryQueryOptions(id: string) {
  return queryOptions({
    // Under the package's key: a decision invalidates the package, and so this.
    queryKey: [...packageKeys.detail(id), 'registry'] as const,
    queryFn: ({ signal }) => getPackageRegistry(id, signal),
    // Write-backs are sent by a background dispatcher: look again while one is pending.
    refetchInterval: (query) => (query.state.data?.writeBacks.some((w) => w.status === 'pending') ? 10_000 : false),
  });
}

export function usePackageRegistry(id: string) {
  return useQuery(packageRegistryQueryOptions(id));
}
