import { queryOptions, useQuery } from '@tanstack/react-query';
import { userDirectorySchema, type UserDirectory } from '#domain/contracts/delegations.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { delegationKeys } from './delegation-keys.ts';

/** Everyone by name, title and roles: the people a role can be delegated to. */
export function getUserDirectory(signal?: AbortSignal): Promise<UserDirectory['items']> {
  return apiFetch(routes.listUserDirectory.path, { schema: userDirectorySchema, ...(signal ? { signal } : {}) }).then((list) => list.items);
}

export function userDirectoryQueryOptions() {
  // The directory changes rarely; a few minutes old is fine for choosing a colleague.
  return queryOptions({ queryKey: delegationKeys.directory(), queryFn: ({ signal }) => getUserDirectory(signal), staleTime: 5 * 60_000 });
}

export function useUserDirectory() {
  return useQuery(userDirectoryQueryOptions());
}
