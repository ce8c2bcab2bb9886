import { useMutation, useQuery } from '@tanstack/react-query';
import { notificationPreferencesSchema } from '#domain/contracts/notification-preferences.ts';
import { passwordLinkSentSchema } from '#api/users/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

// Set-password links (docs/decisions/0181): offered only when the server can mail them. Whether
// mail is on is read where the app already learns it, the signed-in person's mail preferences
// (same cache key as the preferences page, so one request serves both).

export function useMailEnabled(): boolean {
  const preferences = useQuery({
    queryKey: ['account', 'notification-preferences'],
    queryFn: ({ signal }) => apiFetch(routes.getNotificationPreferences.path, { schema: notificationPreferencesSchema, signal }),
  });
  return preferences.data?.mailEnabled === true;
}

/** POST /api/admin/users/{id}/password-link: the holder gets a one-time link at their own address. */
export function useSendPasswordLink() {
  return useMutation({ mutationFn: (userId: string) => apiFetch(apiPath(routes.sendPasswordLink.path, { id: userId }), { method: 'POST', schema: passwordLinkSentSchema }) });
}
