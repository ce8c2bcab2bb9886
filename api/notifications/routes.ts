import { markNotificationsReadRequestSchema, notificationListSchema } from '#domain/contracts/notifications.ts';
import { route, kb } from '../kernel/route-def.ts';

// In-app notifications, derived from the audit log; only how far each user has read is stored.

export const notificationsRoutes = {
  listNotifications: route({
    id: 'listNotifications',
    method: 'GET',
    path: '/api/notifications',
    summary: 'Your notifications, newest first (at most 50), with the unread count',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: notificationListSchema,
  }),
  markNotificationsRead: route({
    id: 'markNotificationsRead',
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Mark your notifications read up to an audit seq (only ever forward)',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: markNotificationsReadRequestSchema,
    maxBodyBytes: 1 * kb,
    successStatus: 200,
    response: notificationListSchema,
  }),
} as const;
