import { useMutation, useQueryClient } from '@tanstack/react-query';
import { threadSchema, type Thread } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { threadsRoutes } from '#api/threads/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { storeThread } from './update-thread-cache.ts';

export interface ResolveThreadInput {
  packageId: string;
  threadId: string;
}

/** Resolves a thread (reviewers): it closes for replies and edits. */
export function resolveThread({ packageId, threadId }: ResolveThreadInput): Promise<Thread> {
  return apiFetch(apiPath(threadsRoutes.resolveThread.path, { id: packageId, threadId }), { method: 'POST', schema: threadSchema });
}

export function useResolveThread() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resolveThread, onSuccess: (thread) => storeThread(queryClient, thread) });
}
