import type { QueryClient } from '@tanstack/react-query';
import type { DataRouter, RouteObject } from 'react-router';
import { sessionKeys } from '../features/auth/api/get-session.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { accountPath, asksForPasswordChange, passwordChangePath } from '../lib/password-change.ts';
import { loginPath } from '../lib/safe-next.ts';
import { createRoutes } from './router.tsx';

export interface App {
  queryClient: QueryClient;
  router: DataRouter;
}

/**
 * Wires the cache and the router together: a 401 on any query means the session ended
 * while the app was open, so forget it and go to the login page, coming back afterwards.
 * A password-change-required refusal (a temporary password) goes to the account page to
 * replace it, and from there back to where the person was.
 */
export function createClientApp(makeRouter: (routes: RouteObject[]) => DataRouter, options: { retries?: number } = {}): App {
  const queryClient = createQueryClient({
    ...options,
    onUnauthenticated: () => {
      queryClient.setQueryData(sessionKeys.current(), null);
      const { pathname, search } = router.state.location;
      if (pathname !== '/login') void router.navigate(loginPath(pathname + search), { replace: true });
    },
    onPasswordChangeRequired: () => {
      const { pathname, search } = router.state.location;
      // Every query of the page that was open is refused: the first one moves, the others find it done.
      if (pathname === accountPath && asksForPasswordChange(new URLSearchParams(search))) return;
      void router.navigate(passwordChangePath(pathname + search), { replace: true });
    },
  });
  const router = makeRouter(createRoutes(queryClient));
  return { queryClient, router };
}
