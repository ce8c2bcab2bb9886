import { z } from 'zod';
import type { PasskeysStore, StoredPasskey } from '#api/store/passkeys.ts';
import type { PasskeysTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The passkeys part of the Kysely repository: passkeys and their registration challenges.

const passkeyJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() });

function passkeyOf(r: PasskeysTable): StoredPasskey {
  return { credentialId: r.credential_id, userId: r.user_id, name: r.name, publicKeyJwk: passkeyJwkSchema.parse(parseJson(r.public_key_jwk)), createdAt: r.created_at, signCount: r.sign_count };
}

export function passkeysQueries(db: Db): PasskeysStore {
  return {
    async listPasskeys(userId) {
      const rows = await db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
      return rows.map(passkeyOf);
    },
    async listPasskeyDates(userIds) {
      if (userIds.length === 0) return [];
      const rows = await db.selectFrom('passkeys').select(['user_id', 'created_at']).where('user_id', 'in', [...userIds]).orderBy('created_at').execute();
      return rows.map((r) => ({ userId: r.user_id, createdAt: r.created_at }));
    },
    async findPasskey(credentialId) {
      const r = await db.selectFrom('passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
      return r ? passkeyOf(r) : null;
    },
    async insertPasskey(p) {
      await db.insertInto('passkeys').values({ credential_id: p.credentialId, user_id: p.userId, name: p.name, public_key_jwk: JSON.stringify(p.publicKeyJwk), created_at: p.createdAt, sign_count: p.signCount ?? 0 }).execute();
    },
    async raisePasskeySignCount(credentialId, signCount) {
      // One conditional update: two signatures racing with one counter value cannot both pass.
      const result = await db.updateTable('passkeys').set({ sign_count: signCount }).where('credential_id', '=', credentialId).where('sign_count', '<', signCount).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async deletePasskey(credentialId) {
      const result = await db.deleteFrom('passkeys').where('credential_id', '=', credentialId).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async insertPasskeyChallenge(c) {
      await db.insertInto('passkey_challenges').values({ challenge_hash: c.challengeHash, user_id: c.userId, expires_at: c.expiresAt, used_at: null }).execute();
    },
    async usePasskeyChallenge(challengeHash, userId, at) {
      const result = await db
        .updateTable('passkey_challenges')
        .set({ used_at: at })
        .where('challenge_hash', '=', challengeHash)
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async deleteExpiredPasskeyChallenges(at) {
      const result = await db.deleteFrom('passkey_challenges').where('expires_at', '<=', at).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
