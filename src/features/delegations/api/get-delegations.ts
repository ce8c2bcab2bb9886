import { queryOptions, useQuery } from '@tanstack/react-query';
import { delegationListSchema, type Delegation } from '#domain/contracts/delegations.ts';
import { delegationsRoutes } from '#api/delegations/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { delegationKeys } from './delegation-keys.ts';

/** The delegations you gave or received (administrators: all), newest first. */
export function getDelegations(signal?: AbortSignal): Promise<Delegation[]> {
  return apiFetch(delegationsRoutes.listDelegations.path, { schema: delegationListSchema, ...(signal ? { signal } : {}) }).then((list) => list.items);
}

export function delegationsQueryOptions() {
  return queryOptions({ queryKey: delegationKeys.mine(), queryFn: ({ signal }) => getDelegations(signal) });
}

export function useDelegations() {
  return useQuery(delegationsQueryOptions());
}

/** The roles someone acts in now by delegation, with whose role it is: for the sign dialog. */
export function useReceivedActiveDelegations(userId: string | undefined): Delegation[] {
  const query = useQuery({ ...delegationsQueryOptions(), enabled: userId !== undefined });
  return (query.data ?? []).filter((d) => d.status === 'active' && d.delegate.id === userId);
}
