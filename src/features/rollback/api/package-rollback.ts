import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { rollbacksRoutes } from '#api/rollbacks/routes.ts';
import { packageRollbackSchema, rollbackStateSchema, type PackageRollback, type RollBackRequest, type RollbackState } from '#domain/contracts/rollbacks.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

// A package's rollback (docs/decisions/0135): read and made in one module, since the rollback
// refreshes the package (and so this query, below its detail key).

export const rollbackKey = (packageId: string) => [...packageKeys.detail(packageId), 'rollback'] as const;

/** GET /api/packages/{id}/rollback: the rollback, or whether one is possible and what it restores. */
export function getPackageRollback(packageId: string, signal?: AbortSignal): Promise<RollbackState> {
  return apiFetch(apiPath(rollbacksRoutes.getPackageRollback.path, { id: packageId }), { schema: rollbackStateSchema, ...(signal ? { signal } : {}) });
}

export function usePackageRollback(packageId: string) {
  return useQuery(queryOptions({ queryKey: rollbackKey(packageId), queryFn: ({ signal }) => getPackageRollback(packageId, signal) }));
}

/** POST /api/packages/{id}/rollback: withdraw the approval in force, with a reason, in a role you hold. */
export function rollBackPackage({ packageId, request }: { packageId: string; request: RollBackRequest }): Promise<PackageRollback> {
  return apiFetch(apiPath(rollbacksRoutes.rollBackPackage.path, { id: packageId }), { method: 'POST', body: request, schema: packageRollbackSchema });
}

export function useRollBackPackage() {
  const queryClient = useQueryClient();
  // The restored package's state changes too: refresh every package.
  return useMutation({ mutationFn: rollBackPackage, onSuccess: () => queryClient.invalidateQueries({ queryKey: packageKeys.all }) });
}
