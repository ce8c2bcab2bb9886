import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Periodic revalidation by risk tier (decision record 0114). Schedule versions, scheduled
// revalidations and their openings are written once and never changed. The first schedule
// version is part of the schema (tier 1 yearly, tier 2 every two years, tier 3 every three,
// tier 4 every four), so every deployment schedules from the start; its numbers are frozen here.

const firstSchedule = { '1': 12, '2': 24, '3': 36, '4': 48 };

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('revalidation_schedules')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('months', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into revalidation_schedules (version, months, published_by, published_at) values (1, ${JSON.stringify(firstSchedule)}, null, ${'2026-12-05T00:00:00.000Z'})`.execute(db);
  await refuseChanges(db, engine, 'revalidation_schedules');

  // One row per approval that completed a package's chain; the latest per package is the one due.
  await db.schema
    .createTable('revalidations')
    .addColumn('decision_id', 'text', (c) => c.primaryKey().references('decisions.id'))
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('tier_source', 'text', (c) => c.notNull())
    .addColumn('schedule_version', 'integer', (c) => c.notNull().references('revalidation_schedules.version'))
    .addColumn('approved_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revalidations_package').on('revalidations').columns(['package_id', 'scheduled_at']).execute();
  await refuseChanges(db, engine, 'revalidations');

  // The primary key makes opening exactly-once across sweeps and API instances.
  await db.schema
    .createTable('revalidation_openings')
    .addColumn('decision_id', 'text', (c) => c.primaryKey().references('revalidations.decision_id'))
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, engine, 'revalidation_openings');
}
