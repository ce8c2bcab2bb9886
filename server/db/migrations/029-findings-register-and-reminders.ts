import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// The findings register at inventory scale (issue 19; bench/ "findings register"): the page is
// filtered, ordered and paged in the database, so each order it offers has an index to walk
// instead of sorting every finding per request.
//
// And the reminders to a finding's owner (due within a week, then overdue): one row per finding
// and stage, inserted before the audit entry the notification and mail come from, in the same
// transaction; the primary key makes each reminder happen once across instances (as the
// re-review notices of migration 012). Append-only.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('finding_due_notices')
    .addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('noticed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('finding_due_notices_pk', ['finding_id', 'stage'])
    .execute();
  await refuseChanges(db, engine, 'finding_due_notices');
  await db.schema.createIndex('findings_due_idx').on('findings').columns(['due_date', 'created_at', 'id']).execute();
  await db.schema.createIndex('findings_raised_idx').on('findings').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('findings_updated_idx').on('findings').columns(['updated_at', 'created_at', 'id']).execute();
  await db.schema.createIndex('findings_owner_idx').on('findings').columns(['owner_id', 'due_date']).execute();
  await db.schema.createIndex('findings_severity_idx').on('findings').columns(['severity', 'due_date']).execute();
}
