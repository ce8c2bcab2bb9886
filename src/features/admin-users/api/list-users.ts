import { queryOptions, useQuery } from '@tanstack/react-query';
import { managedUserListSchema } from '#api/users/contract.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { usersKey } from './query-keys.ts';

/** GET /api/admin/users: every account with its roles, state and open sessions. */
export function usersQueryOptions() {
  return queryOptions({
    queryKey: usersKey,
    queryFn: async ({ signal }) => (await apiFetch(routes.listManagedUsers.path, { schema: managedUserListSchema, signal })).items,
  });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
