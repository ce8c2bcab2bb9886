import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { packageListSchema, type PackageList, type PackageListQuery } from '#domain/contracts/packages.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** The packages the caller may see, filtered on the server (which knows who may see what). */
export function getPackages(filters: PackageListQuery, signal?: AbortSignal): Promise<PackageList> {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.riskTier) search.set('riskTier', String(filters.riskTier));
  if (filters.model) search.set('model', filters.model);
  if (filters.stepRole) search.set('stepRole', filters.stepRole);
  if (filters.governance) search.set('governance', filters.governance);
  if (filters.revalidationDue) search.set('revalidationDue', filters.revalidationDue);
  const query = search.size > 0 ? `?${search.toString()}` : '';
  return apiFetch(`${routes.listPackages.path}${query}`, { schema: packageListSchema, ...(signal ? { signal } : {}) });
}

export function packagesQueryOptions(filters: PackageListQuery) {
  return queryOptions({
    queryKey: packageKeys.list(filters),
    queryFn: ({ signal }) => getPackages(filters, signal),
  });
}

export function usePackages(filters: PackageListQuery) {
  // Keep the rows of the previous filters on screen while the new ones load, instead of
  // flashing a loading state on every change of a select.
  return useQuery({ ...packagesQueryOptions(filters), placeholderData: keepPreviousData });
}
