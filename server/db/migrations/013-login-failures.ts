import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// Failed sign-ins per email, for the brute-force lock (api/session/login-throttle.ts).
// State, not a record: a successful sign-in deletes the account's rows and old rows are pruned,
// so it is not append-only. The history is in the audit log (session.login_failed, including
// the attempts refused while locked); this table only answers "the last five failures of this
// email, newest first" with one indexed query, which the audit log cannot.

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_email_at').on('login_failures').columns(['email', 'at']).execute();
}
