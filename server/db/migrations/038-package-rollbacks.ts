import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Rollbacks (docs/decisions/0135): one row per package whose approval was withdrawn, written
// once (the primary key makes a second rollback of the same package lose) and never changed.
// The model key index serves "which of this model's packages were rolled back".

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('package_rollbacks')
    .addColumn('package_id', 'text', (c) => c.primaryKey().references('packages.id'))
    .addColumn('model_key', 'text', (c) => c.notNull())
    .addColumn('rolled_back_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('restored_package_id', 'text', (c) => c.references('packages.id'))
    .addColumn('rolled_back_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('package_rollbacks_model').on('package_rollbacks').columns(['model_key', 'rolled_back_at']).execute();
  await refuseChanges(db, engine, 'package_rollbacks');
}
