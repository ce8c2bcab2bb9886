import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponseSchema, type LoginRequest, type SessionResponse } from '#domain/contracts/users.ts';
import { sessionPath } from '#src/lib/session-path.ts'; // Not the route table, on the log-in page
import { apiFetch } from '#src/lib/api-client.ts';
import { sessionKeys } from './get-session.ts';

/** Sends what was typed as it was typed: the server validates and names each bad field. */
export function login(credentials: LoginRequest): Promise<SessionResponse> {
  return apiFetch(sessionPath, { method: 'POST', body: credentials, schema: sessionResponseSchema });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<SessionResponse, Error, LoginRequest>({
    mutationFn: login,
    onSuccess: (session) => {
      // Whatever was cached belonged to the previous user, if any (apiFetch dropped what was asked for early).
      queryClient.removeQueries();
      queryClient.setQueryData(sessionKeys.current(), session);
    },
  });
}
