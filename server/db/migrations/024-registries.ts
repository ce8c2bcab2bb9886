import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Model registries. An intake is a registry model version that became a draft package: one per
// connector, registered model and version (the primary key is what makes a repeated or
// concurrent delivery of the same event a no-op), written once. Write-backs are an outbox of
// what a decision must change in the registry (state: the dispatcher works through them);
// their attempts are the append-only record of each try.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('registry_intakes')
    .addColumn('connector_id', 'text', (c) => c.notNull())
    .addColumn('registry_model', 'text', (c) => c.notNull())
    .addColumn('registry_version', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('model_key', 'text', (c) => c.notNull())
    .addColumn('version_label', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_intakes_pk', ['connector_id', 'registry_model', 'registry_version'])
    .execute();
  await db.schema.createIndex('registry_intakes_package').on('registry_intakes').columns(['model_key', 'version_label']).execute();
  await refuseChanges(db, engine, 'registry_intakes');

  await db.schema
    .createTable('registry_writebacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connector_id', 'text', (c) => c.notNull())
    .addColumn('registry_model', 'text', (c) => c.notNull())
    .addColumn('registry_version', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_writebacks_due').on('registry_writebacks').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('registry_writebacks_package').on('registry_writebacks').columns(['package_id']).execute();

  await db.schema
    .createTable('registry_writeback_attempts')
    .addColumn('writeback_id', 'text', (c) => c.notNull().references('registry_writebacks.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('calls', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_writeback_attempts_pk', ['writeback_id', 'attempt'])
    .execute();
  await refuseChanges(db, engine, 'registry_writeback_attempts');
}
