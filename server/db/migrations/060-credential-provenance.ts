import type { Kysely } from 'kysely';

// Who the current password came from (docs/decisions/0181). `password_set_by_admin` names the
// administrator whose temporary password the current password descends from (a change by the
// "holder" keeps it: whoever knew the temporary password could make that change); null when
// the holder set it through a set-password link sent to their own address, or it came from the
// setup secret or the demo seed. Set-password links are stored only as the SHA-256 of their
// token, used once, and expire.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('password_set_by_admin', 'text').execute();
  await db.schema
    .createTable('password_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('password_links_user').on('password_links').columns(['user_id']).execute();
  // Accounts from before: one still waiting for its temporary password to be replaced holds an
  // administrator's password (by whom is not recorded; the marker is enough for the rule).
  await db.updateTable('users' as never).set({ password_set_by_admin: 'unknown' } as never).where('password_change_required' as never, '=', 1 as never).execute();
}
