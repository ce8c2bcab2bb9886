import { decisionSchema, type Decision } from '#domain/contracts/decisions.ts';
import type { SigningStore, StoredServerKey } from '#api/store/signing.ts';
import { sql } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import type { DecisionsTable } from '../schema/schema.ts';
import { withIds, type Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The signing part of the Kysely repository: decisions and their signatures, server keys,
// signing nonces and signing attempts.

// The column predates 0071 and is NOT NULL on both engines; since then it is always empty.
const NO_PRIVATE_KEY = '';

/** A decisions row as the contract has it (parsed, so a row the contract refuses never reads). */
export function toDecision(r: DecisionsTable): Decision {
  return decisionSchema.parse({
    id: r.id,
    packageId: r.package_id,
    versionNumber: r.version_number,
    stepKey: r.step_key,
    role: r.role,
    decision: r.decision,
    meaning: r.meaning,
    reason: r.reason,
    conditions: r.conditions === null ? null : parseJson(r.conditions),
    concerns: parseJson(r.concerns),
    actor: parseJson(r.actor),
    contentHash: r.content_hash,
    decidedAt: r.decided_at,
    ...(r.emergency === null ? {} : { emergency: parseJson(r.emergency) }),
    ...(r.override === null ? {} : { override: parseJson(r.override) }),
  });
}

export function signingQueries(db: Db, engine: Engine): SigningStore {
  return {
    listDecisions(ids) {
      return withIds(ids, async (only) => {
        let q = db.selectFrom('decisions').selectAll();
        if (only) q = q.where('package_id', 'in', only);
        return (await q.orderBy('decided_at').orderBy('id').execute()).map(toDecision);
      });
    },
    async listDecisionsWhere(filter) {
      const q = db.selectFrom('decisions').selectAll();
      // With conditions: the partial index of migration 047 holds just those rows.
      if ('withConditions' in filter) return (await q.where('conditions', 'is not', null).orderBy('decided_at').orderBy('id').execute()).map(toDecision);
      const rows = 'kinds' in filter ? await q.where('decision', 'in', filter.kinds.length > 0 ? [...filter.kinds] : ['']).orderBy('decided_at').orderBy('id').execute() : await q.orderBy('decided_at', 'desc').orderBy('id').limit(filter.newest).execute();
      return rows.map(toDecision);
    },

    async insertDecision(d) {
      await db
        .insertInto('decisions')
        .values({ id: d.id, package_id: d.packageId, version_number: d.versionNumber, step_key: d.stepKey, role: d.role, decision: d.decision, meaning: d.meaning, reason: d.reason, conditions: d.conditions ? JSON.stringify(d.conditions) : null, concerns: JSON.stringify(d.concerns), actor: JSON.stringify(d.actor), content_hash: d.contentHash, decided_at: d.decidedAt, emergency: d.emergency ? JSON.stringify(d.emergency) : null, override: d.override ? JSON.stringify(d.override) : null })
        .execute();
    },

    async listServerKeys() {
      const rows = await db.selectFrom('server_keys').selectAll().orderBy('created_at').execute();
      return rows.map((r): StoredServerKey => ({ keyId: r.key_id, algorithm: 'Ed25519', publicKey: r.public_key, createdAt: r.created_at }));
    },
    async insertServerKey(k) {
      await db.insertInto('server_keys').values({ key_id: k.keyId, algorithm: k.algorithm, public_key: k.publicKey, private_key_pkcs8: NO_PRIVATE_KEY, created_at: k.createdAt }).execute();
    },
    async legacyPrivateKeys() {
      const rows = await db.selectFrom('server_keys').select(['key_id', 'private_key_pkcs8']).where('private_key_pkcs8', '!=', NO_PRIVATE_KEY).orderBy('created_at').execute();
      return rows.map((r) => ({ keyId: r.key_id, privateKeyPkcs8: r.private_key_pkcs8 }));
    },
    async forgetLegacyPrivateKeys() {
      // The one change the append-only table allows, once: its triggers are lifted for this
      // statement only (003-signing, append-only.ts), inside the caller's transaction on PostgreSQL.
      if (engine === 'sqlite') {
        await sql.raw('DROP TRIGGER server_keys_no_update').execute(db);
        await db.updateTable('server_keys').set({ private_key_pkcs8: NO_PRIVATE_KEY }).execute();
        await sql.raw("CREATE TRIGGER server_keys_no_update BEFORE UPDATE ON server_keys BEGIN SELECT RAISE(ABORT, 'server_keys is append-only: UPDATE refused'); END").execute(db);
        return;
      }
      await sql.raw('ALTER TABLE server_keys DISABLE TRIGGER server_keys_no_change').execute(db);
      await db.updateTable('server_keys').set({ private_key_pkcs8: NO_PRIVATE_KEY }).execute();
      await sql.raw('ALTER TABLE server_keys ENABLE TRIGGER server_keys_no_change').execute(db);
    },

    async insertNonce(n) {
      await db.insertInto('signing_nonces').values({ nonce_hash: n.nonceHash, user_id: n.userId, package_id: n.packageId, issued_at: n.issuedAt, expires_at: n.expiresAt, used_at: n.usedAt }).execute();
    },
    async findNonce(nonceHash) {
      const r = await db.selectFrom('signing_nonces').selectAll().where('nonce_hash', '=', nonceHash).executeTakeFirst();
      return r ? { nonceHash: r.nonce_hash, userId: r.user_id, packageId: r.package_id, issuedAt: r.issued_at, expiresAt: r.expires_at, usedAt: r.used_at } : null;
    },
    async useNonce(nonceHash, at) {
      // One conditional update: of two requests racing with one nonce, exactly one wins.
      const result = await db.updateTable('signing_nonces').set({ used_at: at }).where('nonce_hash', '=', nonceHash).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async deleteExpiredUnusedNonces(at) {
      const result = await db.deleteFrom('signing_nonces').where('used_at', 'is', null).where('expires_at', '<=', at).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async insertSigningAttempt(a) {
      await db.insertInto('signing_attempts').values({ id: a.id, user_id: a.userId, at: a.at, ok: a.ok ? 1 : 0 }).execute();
    },

    async insertDecisionSignature(decisionId, signature) {
      await db.insertInto('decision_signatures').values({ decision_id: decisionId, signature }).execute();
    },
    async listDecisionSignatures(decisionIds) {
      if (decisionIds.length === 0) return [];
      const rows = await db.selectFrom('decision_signatures').selectAll().where('decision_id', 'in', decisionIds).execute();
      return rows.map((r) => ({ decisionId: r.decision_id, signature: r.signature }));
    },
  };
}
