import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// A version under review checked again against the policy its assessed risk tier resolves to
// (docs/decisions/0141): one row per re-check, numbered per package version, never changed.
// The latest re-check of a version stands in for its check at submission, which stays as it was.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('policy_reevaluations')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_reevaluations_pk', ['package_id', 'version', 'seq'])
    .addForeignKeyConstraint('policy_reevaluations_policy_fk', ['policy_key', 'policy_version'], 'policies', ['key', 'version'])
    .execute();
  await refuseChanges(db, engine, 'policy_reevaluations');
}
