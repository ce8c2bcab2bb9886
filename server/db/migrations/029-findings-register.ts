import type { Kysely } from 'kysely';

// The findings register at inventory scale (issue 19; bench/ "findings register"): the page is
// filtered, ordered and paged in the database, so each order it offers has an index to walk
// instead of sorting every finding per request.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('findings_due_idx').on('findings').columns(['due_date', 'created_at', 'id']).execute();
  await db.schema.createIndex('findings_raised_idx').on('findings').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('findings_updated_idx').on('findings').columns(['updated_at', 'created_at', 'id']).execute();
  await db.schema.createIndex('findings_owner_idx').on('findings').columns(['owner_id', 'due_date']).execute();
  await db.schema.createIndex('findings_severity_idx').on('findings').columns(['severity', 'due_date']).execute();
}
