import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Governance policies and what each package version was checked against. A policy version is
// published once and never changed; a version's evaluation is written with the version, in the
// same transaction, and never changed either: it is the check the reviewers relied on.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('policies')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('policies_pk', ['key', 'version'])
    .execute();
  await refuseChanges(db, engine, 'policies');
  await db.schema
    .createTable('policy_evaluations')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_evaluations_pk', ['package_id', 'version'])
    .addForeignKeyConstraint('policy_evaluations_policy_fk', ['policy_key', 'policy_version'], 'policies', ['key', 'version'])
    .execute();
  await refuseChanges(db, engine, 'policy_evaluations');
}
