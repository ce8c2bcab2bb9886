import { sql, type Kysely } from 'kysely';

// What a second administrator reads about an account before approving a change to it
// (docs/decisions/0186): who created it (the administrator who chose its address: for a
// creation filed as a request, its requester) and when its current credential was set (the
// moment `password_set_by_admin` speaks of: a creation, an administrator's reset, a
// set-password link or setup; kept, as that mark is, across a change made by signing in with
// it). Kept beside the account, written in the transaction that writes the audit entry, so a
// list of requests reads them with the accounts rather than searching the audit log per card.
//
// Accounts from before are filled from the audit log: the requester of their creation request,
// else the actor of `user.created`, else themselves for the setup administrator; and the last
// entry that set their password, else their creation. Seeded and single sign-on accounts have
// no creator recorded (null).

const passwordSetting = ['user.created', 'user.password_reset', 'user.password_set_by_link', 'system.setup_completed'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('users').addColumn('password_set_at', 'text').execute();
  await sql`
    update users set created_by = coalesce(
      (select r.requested_by from account_requests r where r.user_id = users.id and r.kind = 'create_account' and r.decision = 'approved' order by r.decided_at desc limit 1),
      (select a.actor_id from audit_log a where a.subject = users.id and a.action = 'user.created' order by a.seq limit 1),
      (select a.actor_id from audit_log a where a.subject = users.id and a.action = 'system.setup_completed' order by a.seq limit 1)
    )`.execute(db);
  await sql`
    update users set password_set_at = coalesce(
      (select max(a.at) from audit_log a where a.subject = users.id and a.action in (${sql.join(passwordSetting)})),
      created_at
    ) where password_hash <> ''`.execute(db);
}
