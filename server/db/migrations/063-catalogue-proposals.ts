import type { Kysely } from 'kysely';

// Catalogue changes wait for a second administrator once two exist (decision record 0182). The
// proposed request body is kept as canonical JSON with its SHA-256, and a proposal is decided
// once: the decision columns are written by a conditional update (where none is recorded yet).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalogue_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('catalogue_proposals_pending').on('catalogue_proposals').columns(['decision', 'expires_at']).execute();
}
