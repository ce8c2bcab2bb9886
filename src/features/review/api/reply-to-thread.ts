import { useMutation, useQueryClient } from '@tanstack/react-query';
import { threadSchema, type Thread } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { threadsRoutes } from '#api/threads/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { storeThread } from './update-thread-cache.ts';

export interface ReplyInput {
  packageId: string;
  threadId: string;
  body: string;
}

/** Replies in a thread; the owner's reply to a clarification request marks it answered. */
export function replyToThread({ packageId, threadId, body }: ReplyInput): Promise<Thread> {
  return apiFetch(apiPath(threadsRoutes.replyToThread.path, { id: packageId, threadId }), { method: 'POST', body: { body }, schema: threadSchema });
}

export function useReplyToThread() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: replyToThread, onSuccess: (thread) => storeThread(queryClient, thread) });
}
