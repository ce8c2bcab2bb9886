import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// A stricter tier after final approval brings the approval's revalidation forward (decision
// record 0172). Revalidations are append-only (034), so the earlier date is a row of its own, one
// per approval and tier it moved to; the earliest date (and the strictest tier) stands.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('revalidation_advances')
    .addColumn('decision_id', 'text', (c) => c.notNull().references('revalidations.decision_id'))
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('assessment', 'integer', (c) => c.notNull())
    .addColumn('advanced_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revalidation_advances_pk', ['decision_id', 'tier'])
    .execute();
  await db.schema.createIndex('revalidation_advances_package').on('revalidation_advances').column('package_id').execute();
  await refuseChanges(db, engine, 'revalidation_advances');
}
