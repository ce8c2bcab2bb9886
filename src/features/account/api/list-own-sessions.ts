import { queryOptions, useQuery } from '@tanstack/react-query';
import { ownSessionListSchema } from '#api/users/contract.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { ownSessionsKey } from './query-keys.ts';

/** GET /api/account/sessions: the signed-in person's open sessions, newest first, this one marked. */
export function ownSessionsQueryOptions() {
  return queryOptions({
    queryKey: ownSessionsKey,
    queryFn: async ({ signal }) => (await apiFetch(routes.listOwnSessions.path, { schema: ownSessionListSchema, signal })).items,
  });
}

/** `enabled`: false while the password must be replaced, which the API refuses the list until. */
export function useOwnSessions({ enabled }: { enabled: boolean }) {
  return useQuery({ ...ownSessionsQueryOptions(), enabled });
}
