import { useMutation, useQueryClient } from '@tanstack/react-query';
import { delegationSchema, type CreateDelegationRequest, type Delegation } from '#domain/contracts/delegations.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { delegationKeys } from './delegation-keys.ts';

/** Delegate a role; the server checks the window, the holder and circles, field by field. */
export function createDelegation(request: CreateDelegationRequest): Promise<Delegation> {
  return apiFetch(routes.createDelegation.path, { method: 'POST', body: request, schema: delegationSchema });
}

export function useCreateDelegation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createDelegation, onSettled: () => queryClient.invalidateQueries({ queryKey: delegationKeys.all }) });
}
