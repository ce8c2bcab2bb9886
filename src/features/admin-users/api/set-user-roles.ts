import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '#domain/contracts/roles.ts';
import { managedUserSchema } from '#api/users/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { usersKey } from './query-keys.ts';

/** PUT /api/admin/users/{id}/roles: replaces every role of the account. */
function setUserRoles({ id, roles }: { id: string; roles: Role[] }) {
  return apiFetch(apiPath(routes.setUserRoles.path, { id }), { method: 'PUT', body: { roles }, schema: managedUserSchema });
}

export function useSetUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setUserRoles, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
