import { useMutation, useQueryClient } from '@tanstack/react-query';
import { delegationSchema, type Delegation } from '#domain/contracts/delegations.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { delegationKeys } from './delegation-keys.ts';

/** Revoke a delegation you gave; the delegate stops acting at once. */
export function revokeDelegation(id: string): Promise<Delegation> {
  return apiFetch(apiPath(routes.revokeDelegation.path, { id }), { method: 'POST', schema: delegationSchema });
}

export function useRevokeDelegation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeDelegation, onSettled: () => queryClient.invalidateQueries({ queryKey: delegationKeys.all }) });
}
