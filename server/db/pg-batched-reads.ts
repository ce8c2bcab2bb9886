import type { Kysely } from 'kysely';
import type { StoredUser, StoreTx } from '#api/store/store.ts';
import type { Database } from './schema/schema.ts';
import { toAnswer, toPackage } from './queries/packages.ts';
import { amongVersionKeys, versionRowReader } from './pg-version-rows.ts';
import { readPolicyEvaluations } from './queries/policies.ts';
import { toSession, toUser } from './queries/session.ts';
import { deepFreeze } from './coherent-cache.ts';

// The package-read path's per-request reads on PostgreSQL, batched: every lookup of the same
// kind asked during one turn of the event loop goes out as one query (`where key in (...)`),
// sent once that turn's requests have all asked (setImmediate). Under load a turn holds many
// requests, so a read costs one round trip, one statement and one pool checkout for the
// batch instead of one per request; alone, a request waits one turn for nothing.
//
// Nothing is cached (a version's content is kept only with its row version, asked for on every
// read: pg-version-rows.ts), so nothing can go stale and nothing needs telling across instances: each
// caller's key is queued before the statement is sent, so the statement starts after the
// caller asked, as its own query would have (under READ COMMITTED a statement sees what was
// committed before it started). A log-out on another instance ends the session at once; version
// content is read from the database on every request, so content changed behind the server's
// back shows (and fails its hash). Outside transactions only: a transaction reads its own rows.

/** Past this many keys a batch is sent in parts: an IN list stays a size PostgreSQL plans well. */
const maxBatch = 500;

type Batched<K, R> = (key: K) => Promise<R>;

/**
 * One function per kind of lookup: `readMany` gets the distinct keys of a turn and answers a
 * map from each key's text to its result; a key missing from the map answers `missing`.
 * Requests asking for the same key in one turn share one result: `share` gives each of them
 * its own (a copy), or freezes the one they share, so no handler can change
 * what another one reads (the same rows are frozen on SQLite, coherent-cache.ts).
 */
export function batched<K, R>(keyText: (key: K) => string, readMany: (keys: K[]) => Promise<Map<string, R>>, missing: R, share: (result: NonNullable<R>) => R): Batched<K, R> {
  let pending: Map<string, { key: K; waiters: { resolve: (r: R) => void; reject: (e: unknown) => void }[] }> | null = null;
  const flush = (batch: NonNullable<typeof pending>) => {
    const entries = [...batch.values()];
    for (let start = 0; start < entries.length; start += maxBatch) {
      const part = entries.slice(start, start + maxBatch);
      readMany(part.map((entry) => entry.key)).then(
        (found) => {
          for (const entry of part) {
            const result = found.get(keyText(entry.key)) ?? missing;
            for (const waiter of entry.waiters) waiter.resolve(entry.waiters.length === 1 || result === null || result === undefined ? result : share(result));
          }
        },
        (error: unknown) => {
          for (const entry of part) for (const waiter of entry.waiters) waiter.reject(error);
        },
      );
    }
  };
  return (key) =>
    new Promise<R>((resolve, reject) => {
      if (pending === null) {
        const batch = new Map<string, { key: K; waiters: { resolve: (r: R) => void; reject: (e: unknown) => void }[] }>();
        pending = batch;
        setImmediate(() => {
          pending = null;
          flush(batch);
        });
      }
      const text = keyText(key);
      const entry = pending.get(text);
      if (entry) entry.waiters.push({ resolve, reject });
      else pending.set(text, { key, waiters: [{ resolve, reject }] });
    });
}

type VersionKey = readonly [packageId: string, number: number];
const versionText = ([packageId, number]: VersionKey) => `${packageId}\u0000${number}`;

/** Groups rows under their key's text, in the order read. */
function grouped<Row, R>(rows: readonly Row[], keyOf: (row: Row) => string, map: (row: Row) => R): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(map(row));
    else out.set(key, [map(row)]);
  }
  return out;
}

/** One row per text key, shared frozen between the callers of a turn, as SQLite's cache shares it. */
const rowsById = <R extends object>(read: (ids: string[]) => Promise<[string, R][]>) =>
  batched(
    (id: string) => id,
    async (ids) => new Map(await read(ids)),
    null as R | null,
    deepFreeze,
  );

export function postgresHotReads(db: Kysely<Database>, direct: StoreTx): Pick<StoreTx, 'findSession' | 'findUserById' | 'findPackage' | 'findVersion' | 'listVersionAnswers' | 'listPolicyEvaluations'> {
  // A session is read with its user, in one statement: the user lookup that follows it in
  // the same task (authentication asks for the session's user at once) takes the user from
  // there instead of a second round trip. Kept until the task ends, never longer: a lookup in
  // a later task reads afresh, as every other.
  let withSessions: Map<string, StoredUser> | null = null;
  const session = rowsById(async (hashes) => {
    const rows = await db
      .selectFrom('sessions')
      .leftJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select(['users.id as u_id', 'users.email as u_email', 'users.display_name as u_display_name', 'users.title as u_title', 'users.roles as u_roles', 'users.password_hash as u_password_hash', 'users.created_at as u_created_at', 'users.disabled_at as u_disabled_at', 'users.password_change_required as u_password_change_required', 'users.password_set_by_admin as u_password_set_by_admin', 'users.created_by as u_created_by', 'users.password_set_at as u_password_set_at'])
      .where('token_hash', 'in', hashes)
      .execute();
    if (withSessions === null) {
      const kept = new Map<string, StoredUser>();
      withSessions = kept;
      setImmediate(() => {
        if (withSessions === kept) withSessions = null;
      });
    }
    for (const row of rows) {
      if (row.u_id === null || row.u_email === null || row.u_display_name === null || row.u_title === null || row.u_roles === null || row.u_password_hash === null || row.u_created_at === null || row.u_password_change_required === null) continue;
      withSessions.set(row.u_id, deepFreeze(toUser({ id: row.u_id, email: row.u_email, display_name: row.u_display_name, title: row.u_title, roles: row.u_roles, password_hash: row.u_password_hash, created_at: row.u_created_at, disabled_at: row.u_disabled_at, password_change_required: row.u_password_change_required, password_set_by_admin: row.u_password_set_by_admin, created_by: row.u_created_by, password_set_at: row.u_password_set_at })));
    }
    return rows.map((row) => [row.token_hash, toSession(row)]);
  });
  const user = rowsById(async (ids) => (await db.selectFrom('users').selectAll().where('id', 'in', ids).execute()).map((row) => [row.id, toUser(row)]));
  const pkg = rowsById(async (ids) => (await db.selectFrom('packages').selectAll().where('id', 'in', ids).execute()).map((row) => [row.id, toPackage(row)]));
  // Checked against the row's version on every read, its content read again only when the row changed (pg-version-rows.ts).
  const version = batched(versionText, versionRowReader(db, versionText), null, (v) => ({ ...v, sectionDigests: { ...v.sectionDigests } }));
  const answers = batched(
    versionText,
    async (keys: VersionKey[]) => {
      const rows = await db
        .selectFrom('version_answers')
        .selectAll()
        .where(amongVersionKeys('package_id', 'version_number', keys))
        .orderBy('package_id')
        .orderBy('version_number')
        .orderBy('position')
        .execute();
      return grouped(rows, (row) => versionText([row.package_id, row.version_number]), toAnswer);
    },
    [],
    (list) => structuredClone(list),
  );
  // One package's evaluations per key: the store's call takes a list, the read path asks for one.
  const evaluations = batched(
    (id: string) => id,
    async (ids) => grouped(await readPolicyEvaluations(db, ids), (row) => row.packageId, (row) => row),
    [],
    (list) => structuredClone(list),
  );
  return {
    findSession: session,
    findUserById: (id) => {
      const read = withSessions?.get(id);
      return read ? Promise.resolve(read) : user(id);
    },
    findPackage: pkg,
    findVersion: (packageId, number) => version([packageId, number]),
    listVersionAnswers: (packageId, number) => answers([packageId, number]),
    // One package (the read path) batched; a list as the unbatched query reads and sorts it.
    listPolicyEvaluations: (packageIds) => (packageIds.length === 1 && packageIds[0] !== undefined ? evaluations(packageIds[0]) : direct.listPolicyEvaluations(packageIds)),
  };
}
