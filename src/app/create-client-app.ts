import type { QueryClient } from '@tanstack/react-query';
import type { DataRouter, RouteObject } from 'react-router';
import { sessionKeys } from '../features/auth/api/get-session.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { accountPath, asksForPasswordChange, passwordChangePath } from '../lib/password-change.ts';
import { nextTask } from '../lib/next-task.ts';
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
  const { queryClient, route } = createRoutedQueryClient(options);
  return { queryClient, router: route(makeRouter) };
}

/**
 * The same, but the router is made only once `early` has asked for what the page needs
 * first (or after `waitAtMost` ms): made, the router asks for every chunk of the page's code
 * at once, and on HTTP/1.1's six connections a request made after them waits behind them
 * (docs/decisions/0178). `routed` is aborted as the router is made: an early request not yet
 * made by then is left to the page, whose loaders may already be asking for it (decision 0212).
 */
export async function startClientApp(makeRouter: (routes: RouteObject[]) => DataRouter, early: (queryClient: QueryClient, routed: AbortSignal) => Promise<unknown>, waitAtMost: number): Promise<App> {
  const { queryClient, route } = createRoutedQueryClient({});
  const routed = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitAtMost);
  });
  // Early requests are a head start only: a failure shows when the page asks again.
  await Promise.race([early(queryClient, routed.signal).catch(() => undefined), late]);
  clearTimeout(timer);
  // The diff view names both versions in its address, so its early requests are made at once
  // and the router was made (its first `sessionStorage` read, a synchronous call to the
  // browser, and the navigation's start) in the task that evaluated the main bundle: the
  // diff view's longest task (docs/decisions/0228). Made in a task of its own instead.
  await nextTask();
  routed.abort();
  return { queryClient, router: route(makeRouter) };
}

function createRoutedQueryClient(options: { retries?: number }): { queryClient: QueryClient; route: (makeRouter: (routes: RouteObject[]) => DataRouter) => DataRouter } {
  let router: DataRouter | undefined;
  const queryClient = createQueryClient({
    ...options,
    onUnauthenticated: () => {
      queryClient.setQueryData(sessionKeys.current(), null);
      // Before the router exists (an early request): its session loader sends them to log in.
      if (router === undefined) return;
      const { pathname, search } = router.state.location;
      if (pathname !== '/login') void router.navigate(loginPath(pathname + search), { replace: true });
    },
    onPasswordChangeRequired: () => {
      // Before the router exists (an early request): the page's own requests are refused again.
      if (router === undefined) return;
      const { pathname, search } = router.state.location;
      // Every query of the page that was open is refused: the first one moves, the others find it done.
      if (pathname === accountPath && asksForPasswordChange(new URLSearchParams(search))) return;
      void router.navigate(passwordChangePath(pathname + search), { replace: true });
    },
  });
  const route = (makeRouter: (routes: RouteObject[]) => DataRouter) => {
    router = makeRouter(createRoutes(queryClient));
    return router;
  };
  return { queryClient, route };
}
