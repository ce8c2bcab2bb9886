import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import type { TieringMethod } from '#domain/contracts/risk-assessment.ts';
import { refuseChanges } from './append-only.ts';

// Risk tiering by a versioned method (decision record 0106). Method versions and assessments
// are written once and never changed; a tier override is written when asked for and changed
// once, when a second person confirms it. The first method version is part of the schema, so
// every deployment can assess from the start; its numbers are frozen here (the bench inventory
// scores its assessments by it: docs/decisions/0188).

export const standardTieringMethod = {
  key: 'standard',
  version: 1,
  name: 'Standard risk matrix',
  kind: 'risk_matrix',
  controlReduction: { partial: 0.25, effective: 0.5 },
  bands: [
    { minScore: 15, tier: 1 },
    { minScore: 10, tier: 2 },
    { minScore: 5, tier: 3 },
    { minScore: 0, tier: 4 },
  ],
} satisfies TieringMethod;

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('risk_tiering_methods')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_tiering_methods_pk', ['key', 'version'])
    .execute();
  await sql`insert into risk_tiering_methods (key, version, definition, published_at) values (${standardTieringMethod.key}, ${standardTieringMethod.version}, ${JSON.stringify(standardTieringMethod)}, ${'2026-12-05T00:00:00.000Z'})`.execute(db);
  await refuseChanges(db, engine, 'risk_tiering_methods');

  await db.schema
    .createTable('risk_assessments')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('method_key', 'text', (c) => c.notNull())
    .addColumn('method_version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('computed_tier', 'integer', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_assessments_pk', ['package_id', 'number'])
    .addForeignKeyConstraint('risk_assessments_method_fk', ['method_key', 'method_version'], 'risk_tiering_methods', ['key', 'version'])
    .execute();
  await refuseChanges(db, engine, 'risk_assessments');

  await db.schema
    .createTable('risk_tier_overrides')
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_role', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_role', 'text')
    .addColumn('confirmed_at', 'text')
    .addPrimaryKeyConstraint('risk_tier_overrides_pk', ['package_id', 'number'])
    .addForeignKeyConstraint('risk_tier_overrides_assessment_fk', ['package_id', 'number'], 'risk_assessments', ['package_id', 'number'])
    .execute();
}
