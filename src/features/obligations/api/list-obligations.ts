import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { obligationsRoutes } from '#api/obligations/routes.ts';
import { obligationListSchema, type Obligation } from '#domain/contracts/obligations.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** GET /api/packages/{id}/obligations: the conditions of the package's approvals, tracked. */
export async function listObligations(packageId: string, signal?: AbortSignal): Promise<Obligation[]> {
  const page = await apiFetch(apiPath(obligationsRoutes.listObligations.path, { id: packageId }), { schema: obligationListSchema, ...(signal ? { signal } : {}) });
  return page.items;
}

export function obligationsQueryOptions(packageId: string) {
  return queryOptions({ queryKey: packageKeys.obligations(packageId), queryFn: ({ signal }) => listObligations(packageId, signal) });
}

export function useObligations(packageId: string) {
  return useQuery(obligationsQueryOptions(packageId));
}
