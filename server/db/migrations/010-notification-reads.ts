import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// How far each user has read their notifications: one row per user holding an audit seq.
// This is state, not a record, so it is updated in place and not append-only: every raise is
// already an audit entry (notifications.marked_read, with the seq before and after), which is
// the history; a second append-only table would only repeat it. Notifications themselves are
// derived from the audit log and never stored.

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('notification_reads')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('last_read_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
