import type { StoredApiTokenState, TokensStore } from '#api/store/tokens.ts';
import type { Db } from './shared.ts';

// The API token part of the Kysely repository: a token row joined with its revocation, if any.

export function tokensQueries(db: Db): TokensStore {
  const tokens = () =>
    db
      .selectFrom('api_tokens as t')
      .leftJoin('api_token_revocations as r', 'r.token_id', 't.id')
      .select(['t.id', 't.model_key', 't.name', 't.token_hash', 't.created_by', 't.created_at', 'r.revoked_by', 'r.revoked_at']);
  type Row = Awaited<ReturnType<ReturnType<typeof tokens>['executeTakeFirstOrThrow']>>;
  const toToken = (r: Row): StoredApiTokenState => ({
    id: r.id,
    modelKey: r.model_key,
    name: r.name,
    tokenHash: r.token_hash,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revocation: r.revoked_by !== null && r.revoked_at !== null ? { revokedBy: r.revoked_by, revokedAt: r.revoked_at } : null,
  });
  return {
    async insertApiToken(t) {
      await db.insertInto('api_tokens').values({ id: t.id, model_key: t.modelKey, name: t.name, token_hash: t.tokenHash, created_by: t.createdBy, created_at: t.createdAt }).execute();
    },
    async listApiTokens() {
      return (await tokens().orderBy('t.created_at', 'desc').orderBy('t.id').execute()).map(toToken);
    },
    async findApiToken(id) {
      const row = await tokens().where('t.id', '=', id).executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async findApiTokenByHash(tokenHash) {
      const row = await tokens().where('t.token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async insertApiTokenRevocation(r) {
      const result = await db
        .insertInto('api_token_revocations')
        .values({ token_id: r.tokenId, revoked_by: r.revokedBy, revoked_at: r.revokedAt })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
  };
}
