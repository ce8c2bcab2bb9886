import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Witness cosignatures of the audit log's checkpoints (C2SP tlog-witness, docs/decisions/0105):
// one per witness and tree size, kept as the witness returned it (append-only). The latest per
// witness is the size the next request's consistency proof starts from.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('checkpoint_cosignatures')
    .addColumn('witness', 'text', (c) => c.notNull())
    .addColumn('tree_size', 'integer', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('cosigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoint_cosignatures_pk', ['witness', 'tree_size'])
    .execute();
  await refuseChanges(db, engine, 'checkpoint_cosignatures');
}
