import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { routes } from '../../../../domain/api/routes.ts';
import { apiFetch } from '../../../lib/api-client.ts';
import { isApiProblem } from '../../../lib/api-problem.ts';
import { sessionKeys } from './get-session.ts';

export async function logout(): Promise<void> {
  try {
    await apiFetch(routes.logout.path, { method: 'DELETE' });
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
      // A fetch still in flight would put its answer back after the removal: stop it first.
      const others = { predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== sessionKeys.all[0] };
      await queryClient.cancelQueries(others);
      queryClient.removeQueries(others);
    },
  });
}
