import { roleSchema } from '#domain/contracts/roles.ts';
import type { SessionStore, StoredOidcLogin, StoredSamlRequest, StoredSession, StoredUser } from '#api/store/session.ts';
import type { OidcLoginsTable, SamlRequestsTable, SessionsTable, UsersTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The session part of the Kysely repository: users, sessions, failed sign-ins, and the single
// sign-on rows (started log-ins, external identities, and the profile refresh of a
// provisioned user).

// Built once; building a zod schema on every user read showed in the profile.
const rolesSchema = roleSchema.array();

export function toUser(row: UsersTable): StoredUser {
  return { id: row.id, email: row.email, displayName: row.display_name, title: row.title, roles: rolesSchema.parse(parseJson(row.roles)), passwordHash: row.password_hash, disabledAt: row.disabled_at, passwordChangeRequired: row.password_change_required === 1, passwordSetByAdmin: row.password_set_by_admin, createdAt: row.created_at, createdBy: row.created_by, passwordSetAt: row.password_set_at };
}

export const toSession = (row: SessionsTable): StoredSession => ({ tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at, steppedUpAt: row.stepped_up_at });

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

const toSamlRequest = (r: SamlRequestsTable): StoredSamlRequest => ({
  requestId: r.request_id,
  bindingHash: r.binding_hash,
  returnTo: r.return_to,
  acsUrl: r.acs_url,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

export function sessionQueries(db: Db): SessionStore {
  return {
    async findUserByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async findUserById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async listUsers() {
      return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
    },
    async insertUser(user) {
      const createdAt = user.createdAt ?? new Date().toISOString();
      // A password set with the account dates from its creation, unless said otherwise (none yet: null).
      const passwordSetAt = user.passwordHash === '' ? null : user.passwordSetAt === undefined ? createdAt : user.passwordSetAt;
      await db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email.toLowerCase(),
          display_name: user.displayName,
          title: user.title,
          roles: JSON.stringify(user.roles),
          password_hash: user.passwordHash,
          created_at: createdAt,
          password_change_required: user.passwordChangeRequired ? 1 : 0,
          password_set_by_admin: user.passwordSetByAdmin ?? null,
          created_by: user.createdBy ?? null,
          password_set_at: passwordSetAt,
        })
        .execute();
    },
    async insertSession(s) {
      await db.insertInto('sessions').values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
    },
    async findSession(tokenHash) {
      const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteExpiredSessions(at) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', at).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deleteLoginFailuresBefore(before) {
      const result = await db.deleteFrom('login_failures').where('at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

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
    async insertSamlRequest(r) {
      await db
        .insertInto('saml_requests')
        .values({ request_id: r.requestId, binding_hash: r.bindingHash, return_to: r.returnTo, acs_url: r.acsUrl, created_at: r.createdAt, expires_at: r.expiresAt, used_at: r.usedAt })
        .execute();
    },
    async findSamlRequest(requestId) {
      const row = await db.selectFrom('saml_requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
      return row ? toSamlRequest(row) : null;
    },
    async useSamlRequest(requestId, at) {
      // One conditional statement: of two instances racing with the same response, one wins.
      const result = await db.updateTable('saml_requests').set({ used_at: at }).where('request_id', '=', requestId).where('used_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recordSamlAssertion(a) {
      const result = await db
        .insertInto('saml_assertions')
        .values({ issuer: a.issuer, assertion_id: a.assertionId, used_at: a.usedAt, expires_at: a.expiresAt })
        .onConflict((oc) => oc.columns(['issuer', 'assertion_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async deleteExpiredSamlState(before) {
      await db.deleteFrom('saml_requests').where('expires_at', '<', before).execute();
      await db.deleteFrom('saml_assertions').where('expires_at', '<', before).execute();
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
