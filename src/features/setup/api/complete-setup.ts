import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponseSchema } from '#domain/contracts/users.ts';
import type { SetupRequest } from '#api/users/contract.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { setupKeys, setupPath } from './get-setup-status.ts';

/** POST /api/setup: creates the first administrator and signs them in (the answer sets the session cookie). */
function completeSetup(request: SetupRequest) {
  return apiFetch(setupPath, { method: 'POST', body: request, schema: sessionResponseSchema });
}

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSetup,
    // What was cached was asked by nobody ("no session" above all): the next page asks afresh.
    // The setup page's own answer stays until it has gone, so it does not flash "set up already".
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== setupKeys.status[0] });
      await queryClient.invalidateQueries({ queryKey: setupKeys.status, refetchType: 'none' });
    },
  });
}
