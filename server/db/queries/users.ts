import type { UsersStore } from '#api/store/users.ts';
import type { Db } from './shared.ts';

// The users part of the Kysely repository: roles, disabling, passwords, a user's sessions and
// the one-time setup secret.

export function usersQueries(db: Db): UsersStore {
  return {
    async setUserRoles(id, roles) {
      await db.updateTable('users').set({ roles: JSON.stringify(roles) }).where('id', '=', id).execute();
    },
    async setUserDisabled(id, disabledAt) {
      await db.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', id).execute();
    },
    async setUserPassword(id, passwordHash, changeRequired, provenance) {
      const set = provenance === undefined ? {} : { password_set_by_admin: provenance.setByAdmin, password_set_at: provenance.at };
      await db.updateTable('users').set({ password_hash: passwordHash, password_change_required: changeRequired ? 1 : 0, ...set }).where('id', '=', id).execute();
    },
    async insertPasswordLink(link) {
      await db.insertInto('password_links').values({ token_hash: link.tokenHash, user_id: link.userId, created_by: link.createdBy, created_at: link.createdAt, expires_at: link.expiresAt, used_at: null }).execute();
    },
    async endPasswordLinks(userId, at) {
      const result = await db.updateTable('password_links').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async findPasswordLinkUser(tokenHash, at) {
      const row = await db.selectFrom('password_links').select('user_id').where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', at).executeTakeFirst();
      return row?.user_id ?? null;
    },
    async usePasswordLink(tokenHash, at) {
      // Conditional update: of two uses racing, one finds the row unused.
      const row = await db.updateTable('password_links').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', at).returning('user_id').executeTakeFirst();
      return row?.user_id ?? null;
    },
    async listUserSessions(userId) {
      const rows = await db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
      return rows.map((r) => ({ tokenHash: r.token_hash, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at, steppedUpAt: r.stepped_up_at }));
    },
    async deleteUserSessions(userId, exceptTokenHash) {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
      const result = await q.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async touchSession(tokenHash, at) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
    },
    async markSessionSteppedUp(tokenHash, at) {
      await db.updateTable('sessions').set({ stepped_up_at: at }).where('token_hash', '=', tokenHash).execute();
    },
    async putSetupSecret(secretHash, at) {
      await db.deleteFrom('setup_secrets').execute();
      await db.insertInto('setup_secrets').values({ id: 1, secret_hash: secretHash, created_at: at }).execute();
    },
    async findSetupSecret() {
      const row = await db.selectFrom('setup_secrets').selectAll().where('id', '=', 1).executeTakeFirst();
      return row ? { secretHash: row.secret_hash, createdAt: row.created_at } : null;
    },
    async deleteSetupSecret() {
      await db.deleteFrom('setup_secrets').execute();
    },
    async countUsers() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
