import { useMutation, useQueryClient } from '@tanstack/react-query';
import { threadSchema, type Thread } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { threadsRoutes } from '#api/threads/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { storeThread } from './update-thread-cache.ts';

export interface RetractMessageInput {
  packageId: string;
  threadId: string;
  messageId: string;
}

/** Retracts your own message: it shows as retracted, its text stays in the audit trail. */
export function retractMessage({ packageId, threadId, messageId }: RetractMessageInput): Promise<Thread> {
  return apiFetch(apiPath(threadsRoutes.retractMessage.path, { id: packageId, threadId, messageId }), { method: 'POST', schema: threadSchema });
}

export function useRetractMessage() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: retractMessage, onSuccess: (thread) => storeThread(queryClient, thread) });
}
