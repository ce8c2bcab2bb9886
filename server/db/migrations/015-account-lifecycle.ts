import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// Accounts have a lifecycle: an administrator disables one (its sessions end at once) or
// forces a password change; sessions remember when they were last used (idle timeout); and a
// session confirmed with the password again may enrol or remove a passkey for a while (step-up);
// a passkey keeps its signature counter, so a cloned authenticator shows; and a
// production start with no account holds the hash of a one-time setup secret, which creates
// the first administrator. State, not records: the history is in the audit log.

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('password_change_required', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('stepped_up_at', 'text').execute();
  await db.schema.alterTable('passkeys').addColumn('sign_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('setup_secrets')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
