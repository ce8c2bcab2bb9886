import type { Kysely } from 'kysely';

// Who set each package's risk tier, beside its summary (docs/decisions/0183): the inbox's
// "Awaiting my decision" leaves out a package for whoever set its tier, who may not approve it
// (0174), and selects that tab in SQL from this table. A JSON array of user ids; every row is
// marked stale, so the next read recomputes it with its setters.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('package_summaries').addColumn('tier_setters', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await (db as Kysely<{ package_summaries: { stale: number; changes: number } }>)
    .updateTable('package_summaries')
    .set((eb) => ({ stale: 1, changes: eb('changes', '+', 1) }))
    .execute();
}
