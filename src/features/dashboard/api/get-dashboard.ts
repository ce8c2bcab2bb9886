import { queryOptions, useQuery } from '@tanstack/react-query';
import { dashboardSchema, type Dashboard } from '#domain/contracts/dashboard.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** The committee's view across every package (oversight roles only). */
export function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return apiFetch(routes.dashboard.path, { schema: dashboardSchema, ...(signal ? { signal } : {}) });
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
};

export function dashboardQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: ({ signal }) => getDashboard(signal),
  });
}

export function useDashboard() {
  return useQuery(dashboardQueryOptions());
}
