import { queryOptions, useQuery } from '@tanstack/react-query';
import { delegationListSchema, type Delegation } from '#domain/contracts/delegations.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { delegationsRoutes } from '#api/delegations/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { delegationKeys } from './delegation-keys.ts';

/** Who acts for a role right now by delegation: shown on a package whose step has that role. */
export function getActiveDelegations(role: Role, signal?: AbortSignal): Promise<Delegation[]> {
  const path = `${delegationsRoutes.listDelegations.path}?${new URLSearchParams({ activeForRole: role }).toString()}`;
  return apiFetch(path, { schema: delegationListSchema, ...(signal ? { signal } : {}) }).then((list) => list.items);
}

export function activeDelegationsQueryOptions(role: Role) {
  return queryOptions({ queryKey: delegationKeys.activeFor(role), queryFn: ({ signal }) => getActiveDelegations(role, signal) });
}

export function useActiveDelegations(role: Role | null) {
  return useQuery({ ...activeDelegationsQueryOptions(role ?? 'committee'), enabled: role !== null });
}
