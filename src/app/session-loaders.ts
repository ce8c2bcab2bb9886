import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { sessionQueryOptions } from '../features/auth/api/get-session.ts';
import { loginPath, safeNextPath } from '../lib/safe-next.ts';

/** Signed-in pages: without a session, go to the login page and come back afterwards. */
export function requireSession(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' });
    if (session) return null;
    const url = new URL(request.url);
    return redirect(loginPath(url.pathname + url.search));
  };
}

/** The login page: someone already signed in goes straight on to where they were headed. */
export function redirectIfSignedIn(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' });
    if (!session) return null;
    return redirect(safeNextPath(new URL(request.url).searchParams.get('next')));
  };
}
