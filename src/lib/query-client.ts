import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './api-problem.ts';

export interface QueryClientOptions {
  /** Called when a query is refused with 401: the session ended while the app was open. */
  onUnauthenticated?: () => void;
  /** Attempts after the first for network and 5xx failures (tests pass 0 to fail fast). */
  retries?: number;
}

export function createQueryClient({ onUnauthenticated, retries = 2 }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiProblem(error, 401)) onUnauthenticated?.();
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
