import { queryOptions, useQuery } from '@tanstack/react-query';
import { businessLineListSchema } from '#domain/contracts/business-lines.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

// The organisation's business lines (docs/decisions/0168): the resubmission form offers them,
// the administration page keeps them. Shared, as both features read the one list.

export const businessLinesKey = ['business-lines'] as const;

/** GET /api/business-lines: every line, retired ones too. */
export function businessLinesQueryOptions() {
  return queryOptions({
    queryKey: businessLinesKey,
    queryFn: async ({ signal }) => (await apiFetch(routes.listBusinessLines.path, { schema: businessLineListSchema, signal })).items,
  });
}

export function useBusinessLines() {
  return useQuery(businessLinesQueryOptions());
}
