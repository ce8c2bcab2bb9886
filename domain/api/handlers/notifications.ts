import { auditEventSchema } from '../../contracts/audit-events.ts';
import type { NotificationList } from '../../contracts/notifications.ts';
import { deriveNotifications, notificationSources, type LoggedEvent } from '../../notifications/derive-notifications.ts';
import { problems } from '../problems.ts';
import { routes } from '../routes.ts';
import type { StoredUser, StoreTx } from '../store.ts';
import { canSeePackage, loadPackageFacts, usersById } from '../views.ts';
import { defineHandler } from './define.ts';
import { signedIn } from './package-access.ts';

// In-app notifications: derived on every read from the audit log and the packages the caller
// may see (nothing about a notification is stored but how far the user has read).

const listed = 50;
const pageSize = 1000;

/** The entries of the actions notifications come from, parsed; a row that does not parse (tampered) is skipped, and the audit verification names it. */
async function sourceEvents(tx: StoreTx, subjects: ReadonlySet<string>): Promise<LoggedEvent[]> {
  const out: LoggedEvent[] = [];
  for (const action of notificationSources) {
    for (let afterSeq = 0; ; ) {
      const rows = await tx.listAuditEntries({ action }, afterSeq, pageSize);
      for (const row of rows) {
        if (!subjects.has(row.subject)) continue;
        const parsed = auditEventSchema.safeParse({ action: row.action, subject: row.subject, before: parseJson(row.beforeJson), after: parseJson(row.afterJson) });
        if (parsed.success) out.push({ seq: row.seq, at: row.at, actorId: row.actorId, event: parsed.data });
      }
      const last = rows.at(-1);
      if (rows.length < pageSize || !last) break;
      afterSeq = last.seq;
    }
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function notificationsFor(tx: StoreTx, user: StoredUser): Promise<NotificationList> {
  const visible = (await tx.listPackages()).filter((p) => canSeePackage(user, p));
  const [facts, users, lastReadSeq] = await Promise.all([loadPackageFacts(tx, visible), usersById(tx), tx.findNotificationReadSeq(user.id)]);
  const events = await sourceEvents(tx, new Set(visible.map((p) => p.id)));
  const all = deriveNotifications({
    user,
    packages: facts.map((f) => ({ ...f.pkg, template: f.template, versions: f.versions, decisions: f.decisions, threads: f.threads })),
    events,
    names: new Map([...users.values()].map((u) => [u.id, u.displayName])),
  });
  const unread = all.filter((n) => n.seq > lastReadSeq);
  return { items: all.slice(0, listed).map((n) => ({ ...n, unread: n.seq > lastReadSeq })), unreadCount: unread.length, lastReadSeq };
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
