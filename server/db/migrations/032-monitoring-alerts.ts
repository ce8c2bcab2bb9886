import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Monitoring alerts received (decision record 0110): one row per Standard Webhooks message id.
// The primary key is the idempotency guard: the row is inserted first, in the transaction that
// opens the finding and flags the approval, so a replay or a concurrent duplicate (another API
// instance) inserts nothing, writes nothing and answers the stored result. Append-only.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('monitoring_alerts')
    .addColumn('webhook_id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, engine, 'monitoring_alerts');
}
