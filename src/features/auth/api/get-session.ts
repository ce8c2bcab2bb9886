import { queryOptions, useQuery } from '@tanstack/react-query';
import { currentSessionSchema, type SessionResponse } from '#domain/contracts/users.ts';
import { sessionPath } from '#src/lib/session-path.ts'; // Not the route table, on the log-in page
import { apiFetch } from '#src/lib/api-client.ts';

export const sessionKeys = {
  all: ['session'] as const,
  current: () => [...sessionKeys.all, 'current'] as const,
};

/**
 * The signed-in user, or null when nobody is: "not signed in" is an answer here, not an
 * error, so the route guard can redirect without an error boundary in between.
 */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  const current = await apiFetch(sessionPath, { schema: currentSessionSchema, ...(signal ? { signal } : {}) });
  return current.user ? current : null;
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.current(),
    queryFn: ({ signal }) => getSession(signal),
    // The session changes only by signing in or out, which write this cache themselves;
    // an expiry shows up as a 401 on another query.
    staleTime: Infinity,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

/** The signed-in user, or null while signing out or after the session ended. */
export function useCurrentUser() {
  return useSession().data?.user ?? null;
}
