import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { sessionRoutes } from '#api/session/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { sessionKeys } from './get-session.ts';

export async function logout(): Promise<void> {
  try {
    await apiFetch(sessionRoutes.logout.path, { method: 'DELETE' });
  } catch (error) {
    // Already signed out (the session expired): the outcome the user asked for.
    if (isApiProblem(error, 401)) return;
    throw error;
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      // Mark the session empty first, so the login route does not bounce back, then drop
      // every cached answer, so the next person at this browser cannot see them.
      queryClient.setQueryData(sessionKeys.current(), null);
      await navigate('/login', { replace: true });
      await forgetSignedInAnswers(queryClient);
    },
  });
}

const signedInAnswers = { predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== sessionKeys.all[0] };

async function forgetSignedInAnswers(queryClient: QueryClient): Promise<void> {
  // A fetch still in flight would put its answer back after the removal: stop it first.
  await queryClient.cancelQueries(signedInAnswers);
  queryClient.removeQueries(signedInAnswers);
}

/**
 * For the signed-in frame: when it goes away after a sign-out, forget every cached answer
 * once the pages it held have let go of theirs. (Navigation renders the next page in a
 * transition, so the old one can still re-render, and re-create a query, after sign-out
 * removed them; on a loaded machine it does.)
 */
export function useForgetAnswersAfterSignOut(): void {
  const queryClient = useQueryClient();
  useEffect(
    () => () => {
      setTimeout(() => {
        if (queryClient.getQueryData(sessionKeys.current()) === null) void forgetSignedInAnswers(queryClient);
      }, 0);
    },
    [queryClient],
  );
}
