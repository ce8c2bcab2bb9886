import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { packageListSchema, packageModelsSchema, type PackageList, type PackageListQuery, type PackageModels, type PackageSummary } from '#domain/contracts/packages.ts';
import { packagesRoutes } from '#api/packages/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** One page of the packages the caller may see, filtered on the server (which knows who may see what). */
export function getPackages(filters: PackageListQuery, signal?: AbortSignal): Promise<PackageList> {
  const search = new URLSearchParams();
  if (filters.tab) search.set('tab', filters.tab);
  if (filters.status) search.set('status', filters.status);
  if (filters.riskTier) search.set('riskTier', String(filters.riskTier));
  if (filters.model) search.set('model', filters.model);
  if (filters.stepRole) search.set('stepRole', filters.stepRole);
  if (filters.governance) search.set('governance', filters.governance);
  if (filters.revalidationDue) search.set('revalidationDue', filters.revalidationDue);
  if (filters.cursor) search.set('cursor', filters.cursor);
  if (filters.limit) search.set('limit', String(filters.limit));
  if (filters.count) search.set('count', filters.count);
  const query = search.size > 0 ? `?${search.toString()}` : '';
  return apiFetch(`${packagesRoutes.listPackages.path}${query}`, { schema: packageListSchema, ...(signal ? { signal } : {}) });
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

/** How many packages a list holds in all (every page): one row asked for, its `total` read. */
function totalQueryOptions(filters: PackageListQuery) {
  return { queryKey: packageKeys.total(filters), queryFn: ({ signal }: { signal: AbortSignal }) => getPackages({ ...filters, limit: 1, count: 'true' }, signal).then((page) => page.total ?? 0) };
}

export function usePackageTotal(filters: PackageListQuery) {
  return useQuery(totalQueryOptions(filters));
}

/** Each tab's count, by the server over the whole list (not the pages loaded). */
export function useTabTotals<Tab extends NonNullable<PackageListQuery['tab']>>(filters: PackageListQuery, tabs: readonly Tab[]): Partial<Record<Tab, number>> {
  const results = useQueries({ queries: tabs.map((tab) => totalQueryOptions({ ...filters, tab })) });
  return Object.fromEntries(tabs.flatMap((tab, index) => {
    const total = results[index]?.data;
    return total === undefined ? [] : [[tab, total]];
  })) as Partial<Record<Tab, number>>;
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

const asChoices = (data: PackageModels): (readonly [string, string])[] => data.models.map((m) => [m.key, m.name] as const);

/** Every model the caller may see a package of, as [key, name] by name: the model filter's choices, whichever pages are loaded. */
export function usePackageModels() {
  return useQuery({ queryKey: packageKeys.models(), queryFn: ({ signal }) => apiFetch(packagesRoutes.listPackageModels.path, { schema: packageModelsSchema, signal }), select: asChoices });
}
