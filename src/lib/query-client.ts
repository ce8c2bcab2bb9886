import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './api-problem.ts';
import { isPasswordChangeRequired } from './password-change.ts';

export interface QueryClientOptions {
  /** Called when a query is refused with 401: the session ended while the app was open. */
  onUnauthenticated?: () => void;
  /** Called when a query or a mutation is refused because the account must first replace its temporary password. */
  onPasswordChangeRequired?: () => void;
  /** Attempts after the first for network and 5xx failures (tests pass 0 to fail fast). */
  retries?: number;
}

export function createQueryClient({ onUnauthenticated, onPasswordChangeRequired, retries = 2 }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiProblem(error, 401)) onUnauthenticated?.();
        if (isPasswordChangeRequired(error)) onPasswordChangeRequired?.();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isPasswordChangeRequired(error)) onPasswordChangeRequired?.();
      },
    }),
    defaultOptions: {
      queries: {
        // A 4xx will answer the same the next time: retrying only delays the message.
        retry: (failures, error) => !(isApiProblem(error) && error.status < 500) && failures < retries,
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
