import { notificationPreferencesSchema, updateNotificationPreferencesRequestSchema } from '#domain/contracts/notification-preferences.ts';
import { route, kb } from '../kernel/route-def.ts';

// Email: what each user wants mailed, per kind of notification (the mail itself is sent by
// the server's dispatcher, never from a request).

export const mailRoutes = {
  getNotificationPreferences: route({
    id: 'getNotificationPreferences',
    method: 'GET',
    path: '/api/account/notification-preferences',
    summary: 'What is mailed to you, per kind of notification: at once, in the daily digest, or not at all',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: notificationPreferencesSchema,
  }),
  updateNotificationPreferences: route({
    id: 'updateNotificationPreferences',
    method: 'PUT',
    path: '/api/account/notification-preferences',
    summary: 'Change what is mailed to you; kinds left out keep their mode',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: updateNotificationPreferencesRequestSchema,
    maxBodyBytes: 2 * kb,
    successStatus: 200,
    response: notificationPreferencesSchema,
  }),
} as const;
