import type { Kysely } from 'kysely';

// Obligations (issue 19, decision record 0111): one row per condition of an approval with
// conditions, written in the signing transaction from the signed payload's `obligations`.
// Mutable (status, evidence, review, revision); every change is an audit entry with before
// and after, and the revision makes concurrent transitions exclusive (one update matches).
// decision_id names the decision whose payload signed it (no foreign key: the decisions table is
// append-only and its rows are written in the same transaction).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('obligations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('review', 'text')
    .addColumn('lapsed_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('obligations_decision_position_uq', ['decision_id', 'position'])
    .execute();
  await db.schema.createIndex('obligations_package_idx').on('obligations').columns(['package_id', 'decision_id', 'position']).execute();
  await db.schema.createIndex('obligations_due_idx').on('obligations').columns(['status', 'due_on']).execute();
}
