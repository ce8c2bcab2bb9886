import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Clarification threads that keep every text ever written (revisions are append-only), and
// per-reviewer section review marks.

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema.alterTable('threads').addColumn('created_by', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('threads').addColumn('resolved_by', 'text').execute();
  await db.schema.alterTable('threads').addColumn('resolved_at', 'text').execute();
  await db.schema.alterTable('thread_messages').addColumn('author_role', 'text', (c) => c.notNull().defaultTo('model_owner')).execute();

  await db.schema
    .createTable('thread_message_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('thread_messages.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('thread_message_revisions_message_idx').on('thread_message_revisions').column('message_id').execute();

  await db.schema
    .createTable('section_reviews')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('section_key', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('section_reviews_pk', ['package_id', 'version_number', 'section_key', 'reviewer_id'])
    .execute();

  await refuseChanges(db, engine, 'thread_message_revisions');
}
