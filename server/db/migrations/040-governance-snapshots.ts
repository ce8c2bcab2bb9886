import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Monthly snapshots of the governance figures that are a state worked out now, not a count of
// stored events (docs/decisions/0136): one row per month and figure, written once by the first
// snapshot pass after the month ended (the primary key makes it once across passes and API
// instances), never changed.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('governance_snapshots')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('figure', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('governance_snapshots_pk', ['month', 'figure'])
    .execute();
  await refuseChanges(db, engine, 'governance_snapshots');
}
