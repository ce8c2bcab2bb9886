import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Single sign-on through OpenID Connect.
//
// oidc_logins: one row per started log-in (state, nonce, PKCE verifier), kept in the database
// rather than a cookie so the callback may land on another API instance. Looked up by the
// SHA-256 of the state; single use (used_at) and short-lived (expires_at). The browser that
// started the log-in holds a random binding value whose hash is stored here, so a callback
// URL carried to another browser (log-in CSRF) is refused.
//
// external_identities: which local user an (issuer, subject) pair signs in as. Written once
// when the user is provisioned and never changed, so append-only like the other records.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('oidc_logins')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('binding_hash', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('oidc_logins_expires_at').on('oidc_logins').column('expires_at').execute();

  await db.schema
    .createTable('external_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('external_identities_pk', ['issuer', 'subject'])
    .execute();
  await refuseChanges(db, engine, 'external_identities');
}
