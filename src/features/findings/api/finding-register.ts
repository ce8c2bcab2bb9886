import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { routes } from '#api/routes.ts';
import { findingRegisterSchema, type FindingRegisterQuery } from '#domain/contracts/findings.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export type RegisterFilters = Partial<Omit<FindingRegisterQuery, 'overdue' | 'acceptanceExpired' | 'limit' | 'offset'>> & { overdue?: boolean; acceptanceExpired?: boolean };

/** The query string of a register view: what the page's address holds, so a view can be linked. */
export function registerQueryString(filters: RegisterFilters, limit = 200): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [string, string | boolean | undefined][]) if (value !== undefined && value !== '') query.set(name, String(value));
  query.set('limit', String(limit));
  return query.toString();
}

/** GET /api/inventory/findings: the findings register across every package the caller may see. */
export function getFindingRegister(queryString: string, signal?: AbortSignal) {
  return apiFetch(`${routes.findingRegister.path}?${queryString}`, { schema: findingRegisterSchema, ...(signal ? { signal } : {}) });
}

export function findingRegisterQueryOptions(queryString: string) {
  return queryOptions({ queryKey: packageKeys.findingRegister(queryString), queryFn: ({ signal }) => getFindingRegister(queryString, signal), placeholderData: keepPreviousData });
}

export function useFindingRegister(filters: RegisterFilters) {
  return useQuery(findingRegisterQueryOptions(registerQueryString(filters)));
}
