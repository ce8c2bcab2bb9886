import { queryOptions, useQuery } from '@tanstack/react-query';
import { notificationListSchema, type NotificationList } from '#domain/contracts/notifications.ts';
import { notificationsRoutes } from '#api/notifications/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** The signed-in user's notifications, newest first, with the unread count. */
export function getNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return apiFetch(notificationsRoutes.listNotifications.path, { schema: notificationListSchema, ...(signal ? { signal } : {}) });
}

export const notificationKeys = {
  all: ['notifications'] as const,
};

// Notifications come from what others do, so the list is polled (and refetched when the
// window regains focus, TanStack Query's default) rather than fetched once.
const pollMs = 30_000;

export function notificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => getNotifications(signal),
    refetchInterval: pollMs,
  });
}

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
