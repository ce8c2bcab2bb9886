import type { Kysely, Transaction } from 'kysely';
import type { StoreTx } from '#api/store.ts';
import type { Database } from '../schema.ts';

// The failed sign-ins part of the Kysely repository (spread into it by kysely-store.ts).

type Db = Kysely<Database> | Transaction<Database>;

export function loginFailureQueries(db: Db): Pick<StoreTx, 'insertLoginFailure' | 'listLoginFailures' | 'clearLoginFailures'> {
  return {
    async insertLoginFailure({ email, at, pruneBefore }) {
      // Rows that can no longer count are dropped as new ones come, so the table stays small.
      await db.deleteFrom('login_failures').where('email', '=', email).where('at', '<', pruneBefore).execute();
      await db.insertInto('login_failures').values({ email, at }).execute();
    },
    async listLoginFailures(email, since, limit) {
      const rows = await db.selectFrom('login_failures').select('at').where('email', '=', email).where('at', '>=', since).orderBy('at', 'desc').limit(limit).execute();
      return rows.map((r) => r.at);
    },
    async clearLoginFailures(email) {
      await db.deleteFrom('login_failures').where('email', '=', email).execute();
    },
  };
}
