import { queryOptions, useQuery } from '@tanstack/react-query';
import { packageVersionSchema, type PackageVersion } from '#domain/contracts/packages.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { packagesRoutes } from '#api/packages/routes.ts';
import { apiFetch } from './api-client.ts';
import { packageKeys } from './package-keys.ts';

/** One submitted version of a package: its content, content hash, submitter and time. */
export function getVersion(id: string, n: number, signal?: AbortSignal): Promise<PackageVersion> {
  return apiFetch(apiPath(packagesRoutes.getVersion.path, { id, n }), { schema: packageVersionSchema, ...(signal ? { signal } : {}) });
}

export function versionQueryOptions(id: string, n: number) {
  return queryOptions({
    queryKey: packageKeys.version(id, n),
    queryFn: ({ signal }) => getVersion(id, n, signal),
    // A submitted version is immutable: once loaded it never needs refetching. (An
    // invalidation of the package still refetches it, as the key sits under its detail.)
    staleTime: Infinity,
  });
}

export function useVersion(id: string, n: number) {
  return useQuery(versionQueryOptions(id, n));
}
