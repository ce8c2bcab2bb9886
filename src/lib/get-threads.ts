import { queryOptions, useQuery } from '@tanstack/react-query';
import { threadListSchema, type Thread } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { threadsRoutes } from '#api/threads/routes.ts';
import { apiFetch } from './api-client.ts';
import { packageKeys } from './package-keys.ts';

/** Every annotation and clarification thread on every version of a package, oldest first. */
export async function getThreads(id: string, signal?: AbortSignal): Promise<Thread[]> {
  const list = await apiFetch(apiPath(threadsRoutes.listThreads.path, { id }), { schema: threadListSchema, ...(signal ? { signal } : {}) });
  return list.items;
}

/**
 * Freshness: two people on one package should see each other's threads within seconds. The
 * list is refetched when the window regains focus (React Query's default) and every 10 s
 * while the page is visible: a small JSON list, cheap enough to poll, with no push channel
 * to operate.
 */
export const threadsPollMs = 10_000;

export function threadsQueryOptions(id: string) {
  return queryOptions({
    queryKey: packageKeys.threads(id),
    queryFn: ({ signal }) => getThreads(id, signal),
    refetchInterval: threadsPollMs,
  });
}

export function useThreads(id: string) {
  return useQuery(threadsQueryOptions(id));
}
