import type { Kysely } from 'kysely';

// Single sign-on through SAML 2.0 (server/auth/saml-routes.ts).
//
// saml_requests: one row per AuthnRequest sent, kept in the database rather than in memory so
// the IdP's answer may land on another API instance. Keyed by the request's ID, which the
// response names in InResponseTo; single use (used_at, set by one conditional UPDATE, so of two
// instances racing with the same response one wins) and short-lived (expires_at). The browser
// that started the log-in holds a random binding value whose hash is stored here (log-in CSRF).
//
// saml_assertions: the ID of every assertion accepted, per issuer, until it expires; an
// assertion seen again is a replay even if its request row were somehow reusable. The primary
// key makes the second insert of the same ID fail on every instance.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saml_requests')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('binding_hash', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('acs_url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('saml_requests_expires_at').on('saml_requests').column('expires_at').execute();

  await db.schema
    .createTable('saml_assertions')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('assertion_id', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('saml_assertions_pk', ['issuer', 'assertion_id'])
    .execute();
  await db.schema.createIndex('saml_assertions_expires_at').on('saml_assertions').column('expires_at').execute();
}
