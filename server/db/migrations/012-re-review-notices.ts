import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Re-review notices: one row per approval with conditions whose re-review date was reached
// and announced (audit entry and webhook event). The primary key is what makes the sweep
// exactly-once: the row is inserted first, in the same transaction as the entry and the
// outbox rows, and a second sweep (a restart, another API instance) inserts nothing and
// writes nothing. A notice is a record, so the table is append-only.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('re_review_notices')
    .addColumn('decision_id', 'text', (c) => c.primaryKey().references('decisions.id'))
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('re_review_on', 'text', (c) => c.notNull())
    .addColumn('noticed_at', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, engine, 're_review_notices');
}
