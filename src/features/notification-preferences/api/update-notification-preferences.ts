import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationPreferencesSchema, type UpdateNotificationPreferencesRequest } from '#domain/contracts/notification-preferences.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { notificationPreferencesKey } from './get-notification-preferences.ts';

/** PUT /api/account/notification-preferences: answers with every kind's mode as now stored. */
function updateNotificationPreferences(request: UpdateNotificationPreferencesRequest) {
  return apiFetch(routes.updateNotificationPreferences.path, { method: 'PUT', body: request, schema: notificationPreferencesSchema });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (preferences) => queryClient.setQueryData(notificationPreferencesKey, preferences),
  });
}
