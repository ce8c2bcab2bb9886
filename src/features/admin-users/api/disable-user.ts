import { useMutation, useQueryClient } from '@tanstack/react-query';
import { managedUserSchema } from '#api/users/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { usersKey } from './query-keys.ts';

/** POST /api/admin/users/{id}/disable: the account cannot sign in, and its sessions end at once. */
function disableUser(id: string) {
  return apiFetch(apiPath(routes.disableUser.path, { id }), { method: 'POST', schema: managedUserSchema });
}

export function useDisableUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: disableUser, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
