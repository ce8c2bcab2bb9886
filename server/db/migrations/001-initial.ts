import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// The first schema. Signed and submitted material (versions, decisions, templates) and the
// audit log are protected by triggers: the database itself refuses to change them.

/** Migrations run against the schema as it was then, not the typed one of today. */
type AnyDb = Kysely<unknown>;

const immutableTables = ['package_versions', 'decisions', 'workflow_templates', 'audit_log', 'thread_messages'] as const;

export async function up(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('models')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .execute();

  await db.schema
    .createTable('workflow_templates')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_templates_pk', ['key', 'version'])
    .execute();

  await db.schema
    .createTable('packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('model_key', 'text', (c) => c.notNull().references('models.key'))
    .addColumn('model_name', 'text', (c) => c.notNull())
    .addColumn('version_label', 'text', (c) => c.notNull())
    .addColumn('risk_tier', 'integer', (c) => c.notNull())
    .addColumn('business_line', 'text', (c) => c.notNull())
    .addColumn('owner_team', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('packages_model_version_unique', ['model_key', 'version_label'])
    .addForeignKeyConstraint('packages_template_fk', ['template_key', 'template_version'], 'workflow_templates', ['key', 'version'])
    .execute();

  await db.schema
    .createTable('package_versions')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('canonical_content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('section_digests', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('package_versions_pk', ['package_id', 'number'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('meaning', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text')
    .addColumn('concerns', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('decisions_version_fk', ['package_id', 'version_number'], 'package_versions', ['package_id', 'number'])
    .execute();

  await db.schema
    .createTable('threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('section_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('thread_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('threads.id'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
    .addColumn('entry_hash', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema.createIndex('decisions_package_idx').on('decisions').column('package_id').execute();
  await db.schema.createIndex('threads_package_idx').on('threads').column('package_id').execute();
  await db.schema.createIndex('thread_messages_thread_idx').on('thread_messages').column('thread_id').execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  if (engine === 'postgres') {
    await sql
      .raw(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001'; END $$`)
      .execute(db);
  }
  for (const table of immutableTables) await refuseChanges(db, engine, table);
}
