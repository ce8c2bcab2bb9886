import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { ownSessionsKey } from './query-keys.ts';

/** DELETE /api/account/sessions/{id}: that browser's next request asks it to sign in again. */
function endSession(id: string) {
  return apiFetch(apiPath(routes.revokeOwnSession.path, { id }), { method: 'DELETE' });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endSession, onSettled: () => queryClient.invalidateQueries({ queryKey: ownSessionsKey }) });
}
