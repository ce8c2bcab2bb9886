import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Published tree heads of the audit log: each is a signed promise about the log's first
// `tree_size` entries, so it is kept as it was signed (append-only, one per size) and every
// later check can prove the log only grew since. The indexes serve the audit views' filters,
// each with seq last so a filtered page is read in cursor order.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('audit_tree_heads')
    .addColumn('tree_size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, engine, 'audit_tree_heads');

  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject', 'seq']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}
