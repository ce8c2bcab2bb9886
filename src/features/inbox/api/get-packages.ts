import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { packageListSchema, type PackageList, type PackageListQuery, type PackageSummary } from '#domain/contracts/packages.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** One page of the packages the caller may see, filtered on the server (which knows who may see what). */
export function getPackages(filters: PackageListQuery, signal?: AbortSignal): Promise<PackageList> {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.riskTier) search.set('riskTier', String(filters.riskTier));
  if (filters.model) search.set('model', filters.model);
  if (filters.stepRole) search.set('stepRole', filters.stepRole);
  if (filters.governance) search.set('governance', filters.governance);
  if (filters.revalidationDue) search.set('revalidationDue', filters.revalidationDue);
  if (filters.cursor) search.set('cursor', filters.cursor);
  if (filters.limit) search.set('limit', String(filters.limit));
  const query = search.size > 0 ? `?${search.toString()}` : '';
  return apiFetch(`${routes.listPackages.path}${query}`, { schema: packageListSchema, ...(signal ? { signal } : {}) });
}

/** The list page by page, newest change first: each page's `nextCursor` asks for the next. */
export function packagesQueryOptions(filters: PackageListQuery) {
  return infiniteQueryOptions({
    queryKey: packageKeys.list(filters),
    queryFn: ({ signal, pageParam }) => getPackages({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function usePackages(filters: PackageListQuery) {
  // Keep the rows of the previous filters on screen while the new ones load, instead of
  // flashing a loading state on every change of a select.
  return useInfiniteQuery({ ...packagesQueryOptions(filters), placeholderData: keepPreviousData });
}

/** The packages of every page loaded so far. */
export function loadedPackages(data: { pages: readonly PackageList[] } | undefined): PackageSummary[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
