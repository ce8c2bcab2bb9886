import { passwordLinkDedupePrefix } from '#domain/accounts/privileged-changes.ts';
import type { MailStore, StoredDigestItem, StoredMail } from '#api/store/mail.ts';
import { mailModeSchema, type MailMode } from '#domain/contracts/notification-preferences.ts';
import { notificationKindSchema, type NotificationKind } from '#domain/contracts/notifications.ts';
import type { MailDigestItemsTable, MailOutboxTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';

const linkRemoved = 'A set-password link was sent here; it is not kept.';

// The mail part of the Kysely repository: preferences, the outbox, digest items, the cursor.

const cursorId = 'mail';

function toMail(r: MailOutboxTable): StoredMail {
  return {
    id: r.id,
    dedupeKey: r.dedupe_key,
    userId: r.user_id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    kind: r.kind === 'digest' ? 'digest' : 'immediate',
    status: r.status === 'sent' ? 'sent' : r.status === 'failed' ? 'failed' : 'pending',
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}

function toItem(r: MailDigestItemsTable): StoredDigestItem {
  return { userId: r.user_id, notificationId: r.notification_id, kind: notificationKindSchema.parse(r.kind), text: r.text, link: r.link, at: r.at, digestMailId: r.digest_mail_id };
}

export function mailQueries(db: Db): MailStore {
  return {
    async listMailModes(userId) {
      const rows = await db.selectFrom('notification_preferences').select(['kind', 'mode']).where('user_id', '=', userId).execute();
      const out: Partial<Record<NotificationKind, MailMode>> = {};
      for (const row of rows) {
        const kind = notificationKindSchema.safeParse(row.kind);
        const mode = mailModeSchema.safeParse(row.mode);
        if (kind.success && mode.success) out[kind.data] = mode.data;
      }
      return out;
    },
    async setMailModes(userId, modes, at) {
      for (const [kind, mode] of Object.entries(modes)) {
        await db
          .insertInto('notification_preferences')
          .values({ user_id: userId, kind, mode, updated_at: at })
          .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mode, updated_at: at }))
          .execute();
      }
    },
    async insertMail(m) {
      const result = await db
        .insertInto('mail_outbox')
        .values({
          id: m.id,
          dedupe_key: m.dedupeKey,
          user_id: m.userId,
          to_address: m.to,
          subject: m.subject,
          text_body: m.text,
          html_body: m.html,
          kind: m.kind,
          status: m.status,
          attempts: m.attempts,
          next_attempt_at: m.nextAttemptAt,
          last_error: m.lastError,
          sent_at: m.sentAt,
          created_at: m.createdAt,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async listMailFor(userId) {
      const rows = await db.selectFrom('mail_outbox').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toMail);
    },
    async listDueMail(at, limit) {
      const rows = await db.selectFrom('mail_outbox').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', at).orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
      return rows.map(toMail);
    },
    async claimMail(id, expected, leaseUntil) {
      // One conditional update: of two dispatchers reading the same due row, exactly one moves it.
      const result = await db.updateTable('mail_outbox').set({ next_attempt_at: leaseUntil }).where('id', '=', id).where('status', '=', 'pending').where('next_attempt_at', '=', expected).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async updateMail(id, u, heldLease) {
      let update = db.updateTable('mail_outbox').set({ attempts: u.attempts, status: u.status, next_attempt_at: u.nextAttemptAt, last_error: u.lastError, sent_at: u.sentAt }).where('id', '=', id);
      if (heldLease !== undefined) update = update.where('status', '=', 'pending').where('next_attempt_at', '=', heldLease);
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      // A set-password link's token is stored in clear only while its message waits to go
      // (docs/decisions/0181): once sent, or given up, the body keeps no working link.
      if (u.status !== 'pending') {
        await db.updateTable('mail_outbox').set({ text_body: linkRemoved, html_body: `<p>${linkRemoved}</p>` }).where('id', '=', id).where('dedupe_key', 'like', `${passwordLinkDedupePrefix}%`).execute();
      }
      return true;
    },
    async insertDigestItem(item) {
      const result = await db
        .insertInto('mail_digest_items')
        .values({ user_id: item.userId, notification_id: item.notificationId, kind: item.kind, text: item.text, link: item.link, at: item.at, digest_mail_id: item.digestMailId })
        .onConflict((oc) => oc.columns(['user_id', 'notification_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async listUsersWithDigestItems(before) {
      const rows = await db.selectFrom('mail_digest_items').select('user_id').distinct().where('digest_mail_id', 'is', null).where('at', '<', before).orderBy('user_id').execute();
      return rows.map((r) => r.user_id);
    },
    async takeDigestItems(userId, before, mailId) {
      // A conditional update: on PostgreSQL a second instance's update waits for this one and then finds nothing left.
      await db.updateTable('mail_digest_items').set({ digest_mail_id: mailId }).where('user_id', '=', userId).where('digest_mail_id', 'is', null).where('at', '<', before).execute();
      const rows = await db.selectFrom('mail_digest_items').selectAll().where('digest_mail_id', '=', mailId).orderBy('at').orderBy('notification_id').execute();
      return rows.map(toItem);
    },
    async findMailCursor() {
      const row = await db.selectFrom('mail_cursor').select('last_seq').where('id', '=', cursorId).executeTakeFirst();
      return row?.last_seq ?? null;
    },
    async startMailCursor(seq) {
      await db.insertInto('mail_cursor').values({ id: cursorId, last_seq: seq }).onConflict((oc) => oc.column('id').doNothing()).execute();
    },
    async advanceMailCursor(from, to) {
      const result = await db.updateTable('mail_cursor').set({ last_seq: to }).where('id', '=', cursorId).where('last_seq', '=', from).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
