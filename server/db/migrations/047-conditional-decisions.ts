import { sql, type Kysely } from 'kysely';

// The re-review sweep (api/re-review/re-review-sweep-run.ts) runs every minute and wants only
// the decisions with conditions: a handful among tens of thousands. A partial index over them
// makes that read a probe of the few, where reading every decision blocked the event loop for
// a second at 10,000 packages on SQLite (docs/decisions/0148).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index decisions_with_conditions on decisions (decided_at, id) where conditions is not null`.execute(db);
}
