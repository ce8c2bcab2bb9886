import type { Kysely } from 'kysely';

// Privileged account changes wait for a second administrator (decision record 0175). A request
// is decided once: the decision columns are written by a conditional update (where no decision
// is recorded yet), so two approvals racing apply it exactly once.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('roles_before', 'text')
    .addColumn('roles_after', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('account_requests_pending').on('account_requests').columns(['decision', 'expires_at']).execute();
}
