import { useMutation, useQueryClient } from '@tanstack/react-query';
import { threadSchema, type Thread } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { threadsRoutes } from '#api/threads/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { storeThread } from './update-thread-cache.ts';

export interface EditMessageInput {
  packageId: string;
  threadId: string;
  messageId: string;
  body: string;
}

/** Replaces the text of your own message; the earlier text stays in its history. */
export function editMessage({ packageId, threadId, messageId, body }: EditMessageInput): Promise<Thread> {
  return apiFetch(apiPath(threadsRoutes.editMessage.path, { id: packageId, threadId, messageId }), { method: 'POST', body: { body }, schema: threadSchema });
}

export function useEditMessage() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: editMessage, onSuccess: (thread) => storeThread(queryClient, thread) });
}
