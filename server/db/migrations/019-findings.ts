import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Findings (decision record 0073): one row per finding, its current state, with a revision
// counter a transition must match (the optimistic check under the package lock), and an
// append-only history of every transition with who made it, in which role, and what they wrote.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('section_key', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('remediation_plan', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.notNull())
    .addColumn('raised_role', 'text', (c) => c.notNull())
    .addColumn('acceptance', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('findings_package_idx').on('findings').column('package_id').execute();
  await db.schema.createIndex('findings_status_due_idx').on('findings').columns(['status', 'due_date']).execute();

  await db.schema
    .createTable('finding_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // The finding's revision after this event (0 when raised): the history's order.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('finding_events_position_unique', ['finding_id', 'position'])
    .execute();
  await db.schema.createIndex('finding_events_finding_idx').on('finding_events').column('finding_id').execute();
  await refuseChanges(db, engine, 'finding_events');
}
