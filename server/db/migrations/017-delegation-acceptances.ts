import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// A delegation an administrator makes for someone acts only once that person (the delegator)
// accepts it: the acceptance is its own append-only row, at most one per delegation, like the
// revocation. Whether a delegation needs one is not stored: it does when its creator is not its
// delegator. Delegations made by an administrator before this migration have no acceptance row,
// so they wait for their delegator's acceptance like new ones (none was ever asked for).

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('delegation_acceptances')
    .addColumn('delegation_id', 'text', (c) => c.primaryKey().references('delegations.id'))
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await refuseChanges(db, engine, 'delegation_acceptances');
}
