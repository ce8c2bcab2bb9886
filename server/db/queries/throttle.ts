import { sql, type ExpressionBuilder } from 'kysely';
import type { StoredThrottle, ThrottleStore } from '#api/store/throttle.ts';
import type { Engine } from '../schema/engine.ts';
import type { Database, ThrottlesTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';

// The throttling part of the Kysely repository: throttled keys and trusted devices.

// Apart from the package locks' namespace (queries/packages.ts) and the one-key audit lock.
const throttleLockNamespace = 7_419;

const toThrottle = (r: ThrottlesTable): StoredThrottle => ({ key: r.key, count: r.count, startedAt: r.started_at, lastAt: r.last_at, notedAt: r.noted_at });

export function throttleQueries(db: Db, engine: Engine): ThrottleStore {
  async function saveThrottles(throttles: readonly StoredThrottle[]): Promise<void> {
    if (throttles.length === 0) return;
    await db
      .insertInto('throttles')
      .values(throttles.map((t) => ({ key: t.key, count: t.count, started_at: t.startedAt, last_at: t.lastAt, noted_at: t.notedAt })))
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb.ref('excluded.count'), started_at: eb.ref('excluded.started_at'), last_at: eb.ref('excluded.last_at'), noted_at: eb.ref('excluded.noted_at') })))
      .execute();
  }

  return {
    async lockThrottles(keys) {
      if (keys.length === 0) return [];
      // Transaction-scoped advisory locks, one per key in one order for all (two transactions
      // wanting the same keys queue instead of deadlocking), taken before the audit lock, never after.
      // N concurrent attempts on a key read its row one after the other, each after the
      // previous one's count is committed. SQLite runs one transaction at a time already.
      if (engine === 'postgres') {
        // One round trip for all the keys, locked in the order of their hashes.
        await sql`select pg_advisory_xact_lock(${throttleLockNamespace}::int, h) from (select distinct hashtext(k) as h from unnest(${[...keys]}::text[]) as k order by h) as ordered`.execute(db);
      }
      return (await db.selectFrom('throttles').selectAll().where('key', 'in', keys).execute()).map(toThrottle);
    },
    async saveThrottle(t) {
      await saveThrottles([t]);
    },
    saveThrottles,
    async deleteThrottle(key) {
      await db.deleteFrom('throttles').where('key', '=', key).execute();
    },
    async countInWindow(key, w) {
      // Over (started at or before endedBy, or after startsAfter): a new window of one event.
      // Otherwise one more, but only while under the limit: the WHERE makes the upsert a no-op
      // on a full window, so of N concurrent events exactly the limit are counted.
      const over = (eb: ExpressionBuilder<Database, 'throttles'>) => eb.or([eb('throttles.started_at', '<=', w.endedBy), eb('throttles.started_at', '>', w.startsAfter)]);
      const counted = await db
        .insertInto('throttles')
        .values({ key, count: 1, started_at: w.at, last_at: w.at, noted_at: null })
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet((eb) => ({
              count: eb.case().when(over(eb)).then(sql<number>`1`).else(eb('throttles.count', '+', 1)).end(),
              started_at: eb.case().when(over(eb)).then(w.at).else(eb.ref('throttles.started_at')).end(),
              last_at: w.at,
            }))
            .where((eb) => eb.or([over(eb), eb('throttles.count', '<', w.limit)])),
        )
        .returning('count')
        .executeTakeFirst();
      if (counted) return { admitted: true };
      const row = await db.selectFrom('throttles').select('started_at').where('key', '=', key).executeTakeFirst();
      return { admitted: false, windowStart: row?.started_at ?? w.at };
    },
    async claimThrottleNote(key, at) {
      const result = await db
        .updateTable('throttles')
        .set({ noted_at: at })
        .where('key', '=', key)
        .where((eb) => eb.or([eb('noted_at', 'is', null), eb('noted_at', '<', eb.ref('started_at'))]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async pruneThrottles(before) {
      await db.deleteFrom('throttles').where('last_at', '<', before).execute();
    },

    async findTrustedDevice(tokenHash, email) {
      const r = await db.selectFrom('trusted_devices').selectAll().where('token_hash', '=', tokenHash).where('email', '=', email).executeTakeFirst();
      return r ? { tokenHash: r.token_hash, email: r.email, createdAt: r.created_at, expiresAt: r.expires_at } : null;
    },
    async saveTrustedDevice(d) {
      await db
        .insertInto('trusted_devices')
        .values({ token_hash: d.tokenHash, email: d.email, created_at: d.createdAt, expires_at: d.expiresAt })
        .onConflict((oc) => oc.columns(['token_hash', 'email']).doUpdateSet({ expires_at: d.expiresAt }))
        .execute();
    },
    async pruneTrustedDevices(before) {
      await db.deleteFrom('trusted_devices').where('expires_at', '<', before).execute();
    },
  };
}
