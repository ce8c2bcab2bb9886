import { queryOptions, useQuery } from '@tanstack/react-query';
import { packageDetailSchema, type PackageDetail } from '#domain/contracts/packages.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { packagesRoutes } from '#api/packages/routes.ts';
import { apiFetch } from './api-client.ts';
import { packageKeys } from './package-keys.ts';

/** One package with its chain of steps, versions and decisions; 404 if it is not visible. */
export function getPackage(id: string, signal?: AbortSignal): Promise<PackageDetail> {
  return apiFetch(apiPath(packagesRoutes.getPackage.path, { id }), { schema: packageDetailSchema, ...(signal ? { signal } : {}) });
}

export function packageQueryOptions(id: string) {
  return queryOptions({
    queryKey: packageKeys.detail(id),
    queryFn: ({ signal }) => getPackage(id, signal),
  });
}

export function usePackage(id: string) {
  return useQuery(packageQueryOptions(id));
}
