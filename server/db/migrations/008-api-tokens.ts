import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// API tokens for pipeline submission. A token is a record of who granted what: it is
// never edited or deleted, and revoking it adds a row beside it rather than changing it.
// Only the SHA-256 of the secret is stored.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('model_key', 'text', (c) => c.notNull().references('models.key'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, engine, 'api_tokens');

  await db.schema
    .createTable('api_token_revocations')
    // One revocation per token: the primary key refuses a second.
    .addColumn('token_id', 'text', (c) => c.primaryKey().references('api_tokens.id'))
    .addColumn('revoked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .execute();
  await refuseChanges(db, engine, 'api_token_revocations');
}
