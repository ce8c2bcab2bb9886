import { auditEventSchema } from '#domain/contracts/audit-events.ts';
import type { NotificationList } from '#domain/contracts/notifications.ts';
import { deriveNotifications, notificationSources, type DerivedNotification, type LoggedEvent } from '#domain/notifications/derive-notifications.ts';
import { auditPages } from '../audit/entry-views.ts';
import { problems } from '../kernel/problems.ts';
import { notificationsRoutes as routes } from './routes.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';
import { canSeePackage, loadPackageFacts, usersById } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';

// In-app notifications: derived on every read from the audit log and the packages the caller
// may see (nothing about a notification is stored but how far the user has read).

const listed = 50;
const pageSize = 1000;

// A poll used to read every source entry of the log and replay every visible package.
// Per store (so per process; each API instance keeps its own), the parsed source entries are
// kept and each poll reads only those after where it stopped, per action; and each user's
// list is kept with the log size it was derived at, so a poll when nothing was appended since
// is two small queries. Everything a notification says comes from the log and from facts
// that change only with an entry in it, so an unchanged log size means an unchanged list.
interface NotificationCache {
  /** Parsed source entries of every package, in the order read. */
  events: LoggedEvent[];
  /** Per action, the seq of the last entry read. */
  cursors: Map<string, number>;
  /** Catch-ups run one after another: two at once would add the same entries twice. */
  queue: Promise<unknown>;
  /** Per user (and roles), the whole derived list and the log size it was derived at. */
  lists: Map<string, { logSize: number; all: DerivedNotification[] }>;
}

const caches = new WeakMap<StoreTx, NotificationCache>();

function cacheOf(store: StoreTx): NotificationCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = { events: [], cursors: new Map(), queue: Promise.resolve(), lists: new Map() };
    caches.set(store, cache);
  }
  return cache;
}

/** Reads the source entries appended since the last call; a row that does not parse (tampered) is skipped, and the audit verification names it. */
function catchUp(store: StoreTx, cache: NotificationCache): Promise<void> {
  const run = cache.queue.then(async () => {
    for (const action of notificationSources) {
      let afterSeq = cache.cursors.get(action) ?? 0;
      for await (const rows of auditPages(store, { action }, afterSeq, pageSize)) {
        for (const row of rows) {
          const parsed = auditEventSchema.safeParse({ action: row.action, subject: row.subject, before: parseJson(row.beforeJson), after: parseJson(row.afterJson) });
          if (parsed.success) cache.events.push({ seq: row.seq, at: row.at, actorId: row.actorId, event: parsed.data });
        }
        afterSeq = rows.at(-1)?.seq ?? afterSeq;
      }
      cache.cursors.set(action, afterSeq);
    }
  });
  cache.queue = run.catch(() => undefined);
  return run;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every notification of the user, newest first (the in-app list and the mail both read this). */
export async function allNotificationsFor(tx: StoreTx, user: StoredUser): Promise<{ logSize: number; all: DerivedNotification[] }> {
  const cache = cacheOf(tx);
  const logSize = await tx.auditLogSize();
  const key = `${user.id}\u0000${user.roles.join(',')}`;
  const cached = cache.lists.get(key);
  if (cached?.logSize === logSize) return cached;
  const visible = (await tx.listPackages()).filter((p) => canSeePackage(user, p));
  const [facts, users] = await Promise.all([loadPackageFacts(tx, visible), usersById(tx), catchUp(tx, cache)]);
  const subjects = new Set(visible.map((p) => p.id));
  const all = deriveNotifications({
    user,
    packages: facts.map((f) => ({ ...f.pkg, template: f.template, versions: f.versions, decisions: f.decisions, threads: f.threads })),
    events: cache.events.filter((e) => subjects.has(e.event.subject)),
    names: new Map([...users.values()].map((u) => [u.id, u.displayName])),
  });
  const entry = { logSize, all };
  cache.lists.set(key, entry);
  return entry;
}

async function notificationsFor(tx: StoreTx, user: StoredUser): Promise<NotificationList> {
  // The size first (inside allNotificationsFor): whatever is read after it is at least that recent.
  const [{ all }, lastReadSeq] = await Promise.all([allNotificationsFor(tx, user), tx.findNotificationReadSeq(user.id)]);
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
