import { effectiveModes, type MailMode, type NotificationPreferences } from '#domain/contracts/notification-preferences.ts';
import { notificationKindSchema, type NotificationKind } from '#domain/contracts/notifications.ts';
import { defaultDigestHourUtc } from '#domain/mail/compose-mail.ts';
import type { RequestContext } from '../kernel/context.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';
import { mailRoutes as routes } from './routes.ts';

// A user's mail preferences. Kinds never chosen show their default; a change stores only the
// kinds it names and is an audit entry with the modes before and after.

async function preferencesOf(ctx: RequestContext, tx: StoreTx, user: StoredUser): Promise<NotificationPreferences> {
  return {
    email: user.email,
    mailEnabled: ctx.deps.mail?.enabled ?? false,
    modes: effectiveModes(await tx.listMailModes(user.id)),
    digestHourUtc: ctx.deps.mail?.digestHourUtc ?? defaultDigestHourUtc,
  };
}

/** GET /api/account/notification-preferences */
export const getNotificationPreferences = defineHandler(routes.getNotificationPreferences, async (ctx) => {
  const user = signedIn(ctx);
  return { status: 200, body: await preferencesOf(ctx, ctx.deps.store, user) };
});

/** PUT /api/account/notification-preferences: only what changed is written and logged. */
export const updateNotificationPreferences = defineHandler(routes.updateNotificationPreferences, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  const result = await ctx.deps.store.transaction(async (tx) => {
    const before = effectiveModes(await tx.listMailModes(user.id));
    const changed: Partial<Record<NotificationKind, MailMode>> = {};
    const was: Partial<Record<NotificationKind, MailMode>> = {};
    for (const kind of notificationKindSchema.options) {
      const mode = body.modes[kind];
      if (mode === undefined || mode === before[kind]) continue;
      changed[kind] = mode;
      was[kind] = before[kind];
    }
    if (Object.keys(changed).length > 0) {
      await tx.setMailModes(user.id, changed, at);
      await tx.appendAudit({ event: { action: 'notifications.preferences_changed', subject: user.id, before: was, after: changed }, actorId: user.id, at });
    }
    return preferencesOf(ctx, tx, user);
  });
  return { status: 200, body: result };
});
