// Shared by the findings pages and the review page's inline findings (features do not import each other).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { findingsRoutes } from '#api/findings/routes.ts';
import { findingListSchema, type Finding } from '#domain/contracts/findings.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** GET /api/packages/{id}/findings: every finding on the package, with its history. */
export async function listFindings(packageId: string, signal?: AbortSignal): Promise<Finding[]> {
  const page = await apiFetch(apiPath(findingsRoutes.listFindings.path, { id: packageId }), { schema: findingListSchema, ...(signal ? { signal } : {}) });
  return page.items;
}

export function findingsQueryOptions(packageId: string) {
  return queryOptions({ queryKey: packageKeys.findings(packageId), queryFn: ({ signal }) => listFindings(packageId, signal) });
}

export function useFindings(packageId: string) {
  return useQuery(findingsQueryOptions(packageId));
}
