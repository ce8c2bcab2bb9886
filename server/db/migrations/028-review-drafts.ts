import type { Kysely } from 'kysely';

// Work in progress kept on the server, private to its author: a reviewer's unpublished
// comments and clarification requests (published together, with a decision or on their own),
// and an owner's unsubmitted revision of a package. Review marks learn where they were carried from. Unlike the rest of the schema these rows
// change and are deleted: they are not part of the record until published or submitted.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A review mark carried to a later version whose section is unchanged (domain/annotations/review-marks.ts).
  await db.schema.alterTable('section_reviews').addColumn('carried_from', 'integer').execute();

  await db.schema
    .createTable('review_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('section_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_drafts_author_idx').on('review_drafts').columns(['package_id', 'author_id']).execute();

  await db.schema
    .createTable('resubmit_drafts')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('base_hash', 'text', (c) => c.notNull())
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resubmit_drafts_pk', ['package_id', 'author_id'])
    .execute();
}
