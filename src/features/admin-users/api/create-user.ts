import { useMutation, useQueryClient } from '@tanstack/react-query';
import { managedUserSchema, type CreateUserRequest } from '#api/users/contract.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { usersKey } from './query-keys.ts';

/** POST /api/admin/users: the account's holder must replace the temporary password at first sign-in. */
function createUser(request: CreateUserRequest) {
  return apiFetch(routes.createUser.path, { method: 'POST', body: request, schema: managedUserSchema });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
