import { useMutation, useQueryClient } from '@tanstack/react-query';
import { delegationSchema, type Delegation } from '#domain/contracts/delegations.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { delegationKeys } from './delegation-keys.ts';

/** Accept a delegation of your role that an administrator made; the delegate acts from then on. */
export function acceptDelegation(id: string): Promise<Delegation> {
  return apiFetch(apiPath(routes.acceptDelegation.path, { id }), { method: 'POST', schema: delegationSchema });
}

export function useAcceptDelegation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: acceptDelegation, onSettled: () => queryClient.invalidateQueries({ queryKey: delegationKeys.all }) });
}
