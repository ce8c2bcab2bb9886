import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponseSchema } from '#domain/contracts/users.ts';
import type { ChangePasswordRequest } from '#api/users/contract.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { sessionQueryKey } from '#src/lib/use-viewer.ts';

/** POST /api/account/password: answers with a new session for this browser; every other one ends. */
function changePassword(request: ChangePasswordRequest) {
  return apiFetch(routes.changeOwnPassword.path, { method: 'POST', body: request, schema: sessionResponseSchema });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
      // Everything else is asked again: the session list lost the others, and what a temporary
      // password was refused (the inbox, the counts in the navigation) is now answered.
      return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}
