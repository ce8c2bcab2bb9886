import { sql, type Kysely } from 'kysely';

// The inbox's summary table (decision record 0129): one row per package with the summary the
// inbox shows, the columns it filters and sorts on, and whether it may be served. A row is
// stale from the moment an audit entry names its package (the same transaction marks it) and
// past `valid_until`, the next instant at which the clock alone changes the summary; reads
// recompute those rows first. Every existing package starts stale, so the first read fills it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('package_summaries')
    .addColumn('package_id', 'text', (c) => c.primaryKey().references('packages.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    // Marks since the package was created: a recomputation is written back only if none came in between.
    .addColumn('changes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stale', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('valid_until', 'text')
    .addColumn('summary', 'text')
    .addColumn('steps', 'text')
    .addColumn('status', 'text')
    .addColumn('risk_tier', 'integer')
    .addColumn('model_key', 'text')
    .addColumn('step_role', 'text')
    // Whose turn it is and open clarification requests: the inbox's tabs (decision record 0140).
    .addColumn('turn_party', 'text')
    .addColumn('open_clarifications', 'integer')
    .addColumn('step_overdue', 'integer')
    .addColumn('re_review_due', 'integer')
    .addColumn('revalidation_due_on', 'text')
    .addColumn('updated_at', 'text')
    .execute();
  // Newest first with the id as the tie-break (updated_at DESC, package_id ASC): the inbox's order
  // and its keyset cursor. The directions are the index's own, so a page is read in index order,
  // not sorted from every matching row.
  await db.schema.createIndex('package_summaries_order').on('package_summaries').columns(['updated_at desc', 'package_id']).execute();
  await db.schema.createIndex('package_summaries_owner').on('package_summaries').columns(['owner_id', 'updated_at desc', 'package_id']).execute();
  await db.schema.createIndex('package_summaries_status').on('package_summaries').columns(['status', 'updated_at desc', 'package_id']).execute();
  await db.schema.createIndex('package_summaries_step_role').on('package_summaries').columns(['step_role', 'updated_at desc', 'package_id']).execute();
  await db.schema.createIndex('package_summaries_valid_until').on('package_summaries').column('valid_until').execute();
  // Few rows are stale at a time: a partial index finds them without reading the others.
  await sql`create index package_summaries_stale on package_summaries (package_id) where stale = 1`.execute(db);
  // The dashboard reads the decisions it lists by kind (with conditions, emergency), not all of them.
  await db.schema.createIndex('decisions_decision_idx').on('decisions').column('decision').execute();
  await sql`insert into package_summaries (package_id, owner_id, changes, stale) select id, owner_id, 0, 1 from packages`.execute(db);
}
