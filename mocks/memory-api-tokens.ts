import type { StoredApiToken, StoredApiTokenState, StoredModel, StoreTx } from '#api/store.ts';

// The API token part of the in-memory store, with the database's constraints: unique ids
// and hashes, a known model and one revocation per token (both tables append-only).

export interface ApiTokenRevocationRow {
  tokenId: string;
  revokedBy: string;
  revokedAt: string;
}

export interface ApiTokenTables {
  models: StoredModel[];
  apiTokens: StoredApiToken[];
  apiTokenRevocations: ApiTokenRevocationRow[];
}

type ApiTokenQueries = Pick<StoreTx, 'listModels' | 'insertApiToken' | 'listApiTokens' | 'findApiToken' | 'findApiTokenByHash' | 'insertApiTokenRevocation'>;

export function memoryApiTokens(t: ApiTokenTables): ApiTokenQueries {
  const withState = (token: StoredApiToken): StoredApiTokenState => {
    const r = t.apiTokenRevocations.find((row) => row.tokenId === token.id);
    return { ...structuredClone(token), revocation: r ? { revokedBy: r.revokedBy, revokedAt: r.revokedAt } : null };
  };
  return {
    listModels: () => Promise.resolve(structuredClone([...t.models].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)))),
    insertApiToken: (token) => {
      if (t.apiTokens.some((row) => row.id === token.id)) throw new Error('UNIQUE constraint failed: api_tokens.id');
      if (t.apiTokens.some((row) => row.tokenHash === token.tokenHash)) throw new Error('UNIQUE constraint failed: api_tokens.token_hash');
      if (!t.models.some((m) => m.key === token.modelKey)) throw new Error('FOREIGN KEY constraint failed: api_tokens.model_key');
      t.apiTokens.push(structuredClone(token));
      return Promise.resolve();
    },
    listApiTokens: () =>
      Promise.resolve(
        [...t.apiTokens]
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map(withState),
      ),
    findApiToken: (id) => {
      const token = t.apiTokens.find((row) => row.id === id);
      return Promise.resolve(token ? withState(token) : null);
    },
    findApiTokenByHash: (hash) => {
      const token = t.apiTokens.find((row) => row.tokenHash === hash);
      return Promise.resolve(token ? withState(token) : null);
    },
    insertApiTokenRevocation: (r) => {
      if (!t.apiTokens.some((row) => row.id === r.tokenId)) throw new Error('FOREIGN KEY constraint failed: api_token_revocations.token_id');
      if (t.apiTokenRevocations.some((row) => row.tokenId === r.tokenId)) return Promise.resolve(false);
      t.apiTokenRevocations.push({ ...r });
      return Promise.resolve(true);
    },
  };
}
