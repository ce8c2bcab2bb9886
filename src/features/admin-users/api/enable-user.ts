import { useMutation, useQueryClient } from '@tanstack/react-query';
import { managedUserSchema } from '#api/users/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { usersKey } from './query-keys.ts';

/** POST /api/admin/users/{id}/enable: the account can sign in again. */
function enableUser(id: string) {
  return apiFetch(apiPath(routes.enableUser.path, { id }), { method: 'POST', schema: managedUserSchema });
}

export function useEnableUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: enableUser, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
