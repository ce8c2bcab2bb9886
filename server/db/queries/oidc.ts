import type { Kysely, Transaction } from 'kysely';
import type { StoredOidcLogin, StoreTx } from '#api/store.ts';
import type { Database, OidcLoginsTable } from '../schema.ts';

// The single sign-on part of the storage port on SQLite and PostgreSQL: started log-ins,
// external identities, and the profile refresh of a provisioned user.

type Db = Kysely<Database> | Transaction<Database>;

type OidcQueries = Pick<StoreTx, 'insertOidcLogin' | 'findOidcLogin' | 'useOidcLogin' | 'deleteExpiredOidcLogins' | 'findExternalIdentity' | 'insertExternalIdentity' | 'updateUserProfile'>;

const toLogin = (r: OidcLoginsTable): StoredOidcLogin => ({
  stateHash: r.state_hash,
  bindingHash: r.binding_hash,
  codeVerifier: r.code_verifier,
  nonce: r.nonce,
  returnTo: r.return_to,
  redirectUri: r.redirect_uri,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

export function oidcQueries(db: Db): OidcQueries {
  return {
    async insertOidcLogin(l) {
      await db
        .insertInto('oidc_logins')
        .values({ state_hash: l.stateHash, binding_hash: l.bindingHash, code_verifier: l.codeVerifier, nonce: l.nonce, return_to: l.returnTo, redirect_uri: l.redirectUri, created_at: l.createdAt, expires_at: l.expiresAt, used_at: l.usedAt })
        .execute();
    },
    async findOidcLogin(stateHash) {
      const row = await db.selectFrom('oidc_logins').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
      return row ? toLogin(row) : null;
    },
    async useOidcLogin(stateHash, at) {
      // One conditional statement: of two callbacks racing with the same state, one wins.
      const result = await db.updateTable('oidc_logins').set({ used_at: at }).where('state_hash', '=', stateHash).where('used_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async deleteExpiredOidcLogins(before) {
      await db.deleteFrom('oidc_logins').where('expires_at', '<', before).execute();
    },
    async findExternalIdentity(issuer, subject) {
      const row = await db.selectFrom('external_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
      return row ? { issuer: row.issuer, subject: row.subject, userId: row.user_id, createdAt: row.created_at } : null;
    },
    async insertExternalIdentity(i) {
      await db.insertInto('external_identities').values({ issuer: i.issuer, subject: i.subject, user_id: i.userId, created_at: i.createdAt }).execute();
    },
    async updateUserProfile(id, p) {
      await db.updateTable('users').set({ email: p.email.toLowerCase(), display_name: p.displayName, roles: JSON.stringify(p.roles) }).where('id', '=', id).execute();
    },
  };
}
