import type { QueryClient } from '@tanstack/react-query';
import type { DataRouter, RouteObject } from 'react-router';
import { sessionKeys } from '../features/auth/api/get-session.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { loginPath } from '../lib/safe-next.ts';
import { createRoutes } from './router.tsx';

export interface App {
  queryClient: QueryClient;
  router: DataRouter;
}

/**
 * Wires the cache and the router together: a 401 on any query means the session ended
 * while the app was open, so forget it and go to the login page, coming back afterwards.
 */
export function createClientApp(makeRouter: (routes: RouteObject[]) => DataRouter, options: { retries?: number } = {}): App {
  const queryClient = createQueryClient({
    ...options,
    onUnauthenticated: () => {
      queryClient.setQueryData(sessionKeys.current(), null);
      const { pathname, search } = router.state.location;
      if (pathname !== '/login') void router.navigate(loginPath(pathname + search), { replace: true });
    },
  });
  const router = makeRouter(createRoutes(queryClient));
  return { queryClient, router };
}
