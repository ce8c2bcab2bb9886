import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// Throttling (api/throttle/, docs/decisions/0065-throttling.md).
//
// throttles: one row per throttled key — a log-in or signing lane (its failures and the latest)
// or a rate window (its events and start). State, not a record: rows change, are cleared by a
// success and are pruned once every policy has forgotten them (last_at index). The history is
// in the audit log (session.login_failed, session.login_locked, signing.locked, access.rate_limited...).
//
// trusted_devices: browsers that signed in to an account with its password (the SHA-256 of a
// random device-cookie token), whose later attempts on that account have a lane of their own.

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('throttles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('noted_at', 'text')
    .execute();
  await db.schema.createIndex('throttles_last_at').on('throttles').column('last_at').execute();

  await db.schema
    .createTable('trusted_devices')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trusted_devices_pk', ['token_hash', 'email'])
    .execute();
  await db.schema.createIndex('trusted_devices_expires_at').on('trusted_devices').column('expires_at').execute();
}
