import type { StoredExternalIdentity, StoredOidcLogin, StoredUser, StoreTx } from '#api/store.ts';

// Single sign-on in memory, with the database's constraints: one identity per (issuer,
// subject) and per user, identities never changed, log-ins single use. The mocks serve no
// OIDC routes; this keeps the storage port whole so the contract suite can hold all three
// stores to it.

export interface OidcTables {
  oidcLogins: StoredOidcLogin[];
  externalIdentities: StoredExternalIdentity[];
}

export const emptyOidcTables = (): OidcTables => ({ oidcLogins: [], externalIdentities: [] });

type OidcQueries = Pick<StoreTx, 'insertOidcLogin' | 'findOidcLogin' | 'useOidcLogin' | 'deleteExpiredOidcLogins' | 'findExternalIdentity' | 'insertExternalIdentity' | 'updateUserProfile'>;

export function memoryOidcQueries(t: OidcTables, users: StoredUser[]): OidcQueries {
  return {
    insertOidcLogin: (login) => {
      if (t.oidcLogins.some((l) => l.stateHash === login.stateHash)) throw new Error('UNIQUE constraint failed: oidc_logins.state_hash');
      t.oidcLogins.push({ ...login });
      return Promise.resolve();
    },
    findOidcLogin: (stateHash) => {
      const found = t.oidcLogins.find((l) => l.stateHash === stateHash);
      return Promise.resolve(found ? { ...found } : null);
    },
    useOidcLogin: (stateHash, at) => {
      const found = t.oidcLogins.find((l) => l.stateHash === stateHash && l.usedAt === null && l.expiresAt > at);
      if (found) found.usedAt = at;
      return Promise.resolve(found !== undefined);
    },
    deleteExpiredOidcLogins: (before) => {
      t.oidcLogins = t.oidcLogins.filter((l) => l.expiresAt >= before);
      return Promise.resolve();
    },
    findExternalIdentity: (issuer, subject) => {
      const found = t.externalIdentities.find((i) => i.issuer === issuer && i.subject === subject);
      return Promise.resolve(found ? { ...found } : null);
    },
    insertExternalIdentity: (identity) => {
      if (t.externalIdentities.some((i) => (i.issuer === identity.issuer && i.subject === identity.subject) || i.userId === identity.userId)) throw new Error('UNIQUE constraint failed: external_identities');
      if (!users.some((u) => u.id === identity.userId)) throw new Error('FOREIGN KEY constraint failed: external_identities.user_id');
      t.externalIdentities.push({ ...identity });
      return Promise.resolve();
    },
    updateUserProfile: (id, profile) => {
      const email = profile.email.toLowerCase();
      if (users.some((u) => u.id !== id && u.email === email)) throw new Error('UNIQUE constraint failed: users.email');
      const user = users.find((u) => u.id === id);
      if (user) Object.assign(user, { email, displayName: profile.displayName, roles: [...profile.roles] });
      return Promise.resolve();
    },
  };
}
