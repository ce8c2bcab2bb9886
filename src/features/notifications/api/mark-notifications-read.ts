import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationListSchema, type NotificationList } from '#domain/contracts/notifications.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { notificationKeys } from './get-notifications.ts';

/** Marks everything up to an audit seq read; the server answers with the list as it now stands. */
export function markNotificationsRead(upToSeq: number): Promise<NotificationList> {
  return apiFetch(routes.markNotificationsRead.path, { method: 'POST', body: { upToSeq }, schema: notificationListSchema });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    // The answer is the new list: the page and the navigation count update without a refetch.
    onSuccess: (list) => queryClient.setQueryData(notificationKeys.all, list),
  });
}
