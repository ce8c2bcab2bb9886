import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// The owner's answers to the concerns and clarification requests of the previous round,
// stored with the version they came with. Like the version, they never change: one row per
// answer, in submission order, each target answered at most once per version.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('version_answers')
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // answerTargetKey(target): "concern:<decision>:<index>" or "clarification:<thread>".
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('section_keys', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('version_answers_pk', ['package_id', 'version_number', 'position'])
    .addUniqueConstraint('version_answers_target_unique', ['package_id', 'version_number', 'target_key'])
    .addForeignKeyConstraint('version_answers_version_fk', ['package_id', 'version_number'], 'package_versions', ['package_id', 'number'])
    .execute();

  await refuseChanges(db, engine, 'version_answers');
}
