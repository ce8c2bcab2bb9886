import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Electronic signatures: the server's countersigning keys, single-use signing nonces,
// passkeys, signing attempts (for the lock after repeated failures) and the signature
// material of each decision. Keys and signatures are append-only, as decisions are.

type AnyDb = Kysely<unknown>;

const appendOnly = ['server_keys', 'decision_signatures', 'signing_attempts'] as const;

export async function up(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema
    .createTable('server_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key_pkcs8', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('signing_nonces')
    .addColumn('nonce_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('passkeys')
    .addColumn('credential_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key_jwk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('passkeys_user_idx').on('passkeys').column('user_id').execute();

  await db.schema
    .createTable('signing_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signing_attempts_user_idx').on('signing_attempts').columns(['user_id', 'at']).execute();

  await db.schema
    .createTable('decision_signatures')
    .addColumn('decision_id', 'text', (c) => c.primaryKey().references('decisions.id'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();

  for (const table of appendOnly) await refuseChanges(db, engine, table);
}
