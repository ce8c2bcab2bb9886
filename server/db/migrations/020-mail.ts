import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// Email (docs/decisions/0076). Preferences are state, changed in place (every change is an
// audit entry). The outbox is a queue like webhook_deliveries: one row per message, unique by
// its dedupe key (a notification for a user, or a user's digest of a day), so two instances
// turning the same audit entries into mail queue it once. Digest items wait for their
// user's daily message. The cursor says how far the audit log has been turned into mail.

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_user').on('mail_outbox').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('mail_digest_items')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('digest_mail_id', 'text') // the outbox row's id; it is written in the same transaction, after the items are taken
    .addPrimaryKeyConstraint('mail_digest_items_pk', ['user_id', 'notification_id'])
    .execute();
  await db.schema.createIndex('mail_digest_items_waiting').on('mail_digest_items').columns(['digest_mail_id', 'at']).execute();

  await db.schema
    .createTable('mail_cursor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
}
