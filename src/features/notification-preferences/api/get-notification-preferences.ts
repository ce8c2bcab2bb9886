import { queryOptions, useQuery } from '@tanstack/react-query';
import { notificationPreferencesSchema } from '#domain/contracts/notification-preferences.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** Cache key of the signed-in person's email preferences. */
export const notificationPreferencesKey = ['account', 'notification-preferences'] as const;

/** GET /api/account/notification-preferences: per kind of notification, at once, in the digest, or no mail. */
export function notificationPreferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationPreferencesKey,
    queryFn: ({ signal }) => apiFetch(routes.getNotificationPreferences.path, { schema: notificationPreferencesSchema, signal }),
  });
}

export function useNotificationPreferences() {
  return useQuery(notificationPreferencesQueryOptions());
}
