import { useMutation, useQueryClient } from '@tanstack/react-query';
import { threadSchema, type OpenThreadRequest, type Thread } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { threadsRoutes } from '#api/threads/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { storeThread } from './update-thread-cache.ts';

export interface OpenThreadInput {
  packageId: string;
  request: OpenThreadRequest;
}

/** Annotates a section, or a quoted passage of it: a comment, clarification request or finding. */
export function openThread({ packageId, request }: OpenThreadInput): Promise<Thread> {
  return apiFetch(apiPath(threadsRoutes.openThread.path, { id: packageId }), { method: 'POST', body: request, schema: threadSchema });
}

export function useOpenThread() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: openThread, onSuccess: (thread) => storeThread(queryClient, thread) });
}
