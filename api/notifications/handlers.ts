import type { NotificationList } from '#domain/contracts/notifications.ts';
import type { DerivedNotification } from '#domain/notifications/derive-notifications.ts';
import { problems } from '../kernel/problems.ts';
import { notificationsRoutes as routes } from './routes.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';
import { keptNotificationsFor } from './notification-lists.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';

// In-app notifications: derived from the audit log and the packages the caller may see
// (nothing about a notification is stored but how far the user has read); each user's list is
// kept per process and brought up to date per poll (notification-lists.ts, decision 0131).

const listed = 50;

/** Every notification of the user, newest first (the in-app list and the mail both read this). */
export function allNotificationsFor(tx: StoreTx, user: StoredUser): Promise<{ logSize: number; all: DerivedNotification[]; lastReadSeq: number }> {
  return keptNotificationsFor(tx, user);
}

async function notificationsFor(tx: StoreTx, user: StoredUser): Promise<NotificationList> {
  // The read mark comes with the log's size, in its read (decision record 0203): a second
  // statement beside it was a second round trip and a second backend woken on every poll.
  const { all, lastReadSeq } = await allNotificationsFor(tx, user);
  // Newest first: the unread ones lead.
  const read = all.findIndex((n) => n.seq <= lastReadSeq);
  return { items: all.slice(0, listed).map((n) => ({ ...n, unread: n.seq > lastReadSeq })), unreadCount: read === -1 ? all.length : read, lastReadSeq };
}

/** GET /api/notifications: newest first, at most 50, with the count of every unread one. */
export const listNotifications = defineHandler(routes.listNotifications, async (ctx) => {
  const user = signedIn(ctx);
  return { status: 200, body: await notificationsFor(ctx.deps.store, user) };
});

/**
 * POST /api/notifications/read: marks everything up to `upToSeq` read. Reading only moves
 * forward; a lower seq (another tab read further already) changes nothing and is no error.
 */
export const markNotificationsRead = defineHandler(routes.markNotificationsRead, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  await ctx.deps.store.transaction(async (tx) => {
    const size = await tx.auditLogSize();
    if (body.upToSeq > size) throw problems.validation([{ pointer: '/upToSeq', message: `The audit log has ${size} entries; nothing up to ${body.upToSeq} can be read yet` }]);
    const before = await tx.findNotificationReadSeq(user.id);
    if (body.upToSeq <= before) return;
    await tx.raiseNotificationReadSeq(user.id, body.upToSeq, at);
    await tx.appendAudit({ event: { action: 'notifications.marked_read', subject: user.id, before: { lastReadSeq: before }, after: { lastReadSeq: body.upToSeq } }, actorId: user.id, at });
  });
  return { status: 200, body: await notificationsFor(ctx.deps.store, user) };
});
