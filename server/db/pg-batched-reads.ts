import { sql, type Kysely } from 'kysely';
import type { StoredSession, StoredUser, StoreTx } from '#api/store/store.ts';
import type { Database, PolicyEvaluationsTable, SessionsTable, UsersTable, VersionAnswersTable } from './schema/schema.ts';
import { toAnswer, toPackage } from './queries/packages.ts';
import { toPolicyEvaluation } from './queries/policies.ts';
import { snapshotCache, snapshotClock, snapshotColumn, snapshotText, type ClockRows, type SnapshotClock, type Stamped } from './pg-snapshot-clock.ts';
import { toSession, toUser } from './queries/session.ts';
import { deepFreeze } from './coherent-cache.ts';

// The package-read path's per-request reads on PostgreSQL, batched: every lookup of the same
// kind asked during one turn of the event loop goes out as one query (`where key in (...)`),
// sent once that turn's requests have all asked (setImmediate). Under load a turn holds many
// requests, so a read costs one round trip, one statement and one pool checkout for the
// batch instead of one per request; alone, a request waits one turn for nothing.
//
// What they read is kept under PostgreSQL's change clock, the text of the database snapshot
// (pg-snapshot-clock.ts, decision record 0208): a request first asks the clock, one tiny statement
// per turn shared by every request of the turn, sent after each of them asked; when its text is
// the one the kept rows were read at (each row statement reads the snapshot beside its rows), the
// database has not changed since, by anyone, and the kept rows are what a read would answer now.
// Otherwise everything kept is dropped and read as before: a log-out on another instance, content
// rewritten behind the server's back (which then fails its hash) show at the next request. Each
// instance keeps its own; nothing is keyed by content hash. Outside transactions only: a
// transaction reads its own rows.

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

/**
 * `(packageColumn, numberColumn)` is one of `keys`, as two array parameters unnested: PostgreSQL
 * plans it in a tenth of a millisecond as a nested loop over the primary key, where a row IN list
 * of a batch's 60 pairs took 2 to 3 ms to plan (a 60-arm bitmap OR, planned afresh for every
 * unnamed statement) and about as long to run: most of the backends' CPU per read (0190).
 */
export function amongVersionKeys(packageColumn: string, numberColumn: string, keys: readonly VersionKey[]) {
  return sql<boolean>`(${sql.ref(packageColumn)}, ${sql.ref(numberColumn)}) in (select * from unnest(${keys.map(([id]) => id)}::text[], ${keys.map(([, n]) => n)}::int[]))`;
}

const versionText = ([packageId, number]: VersionKey) => `${packageId}\u0000${number}`;

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** `rows` of a turn's statement, or the one row of nulls its left join gives when no asked key has any. */
const fromSnapshot = (table: string, on: ReturnType<typeof sql>, order: string) =>
  sql`select s.snapshot, t.* from (select ${snapshotText} as snapshot) s left join ${sql.table(table)} t on ${on} order by ${sql.raw(order)}`;

/**
 * Every asked key's rows under the statement's snapshot, an empty list for a key with none: the
 * statement always answers a row (fromSnapshot), so an empty list is kept like any other, where
 * one read again on every request cost a statement per turn and kept the whole answer from
 * standing (most versions have no answers, many packages no checks: 0214).
 */
function stampedLists<Row extends { snapshot: string }, R>(asked: readonly string[], rows: readonly Row[], keyOf: (row: Row) => string | null, map: (row: Row) => R): Map<string, Stamped<R[]>> {
  const snapshot = rows[0]?.snapshot;
  if (snapshot === undefined) return new Map();
  const out = new Map(asked.map((key): [string, Stamped<R[]>] => [key, { value: [], snapshot }]));
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) out.get(key)?.value.push(map(row));
  }
  return out;
}

/** One row per text key under its statement's snapshot, the rows shared frozen between the callers of a turn. */
const rowsById = <R extends object>(read: (ids: string[]) => Promise<[string, Stamped<R>][]>) =>
  batched(
    (id: string) => id,
    async (ids) => new Map(await read(ids)),
    null as Stamped<R> | null,
    (found) => ({ value: deepFreeze(found.value), snapshot: found.snapshot }),
  );

/** A session and its user (null when the user row is missing), as the clock's statement reads them. */
export interface SessionWithUser {
  session: StoredSession;
  user: StoredUser | null;
}

/**
 * A session row the statement read but that did not parse (a user's roles rewritten with psql,
 * or a role an older instance does not know): only the callers asking for it are refused, not
 * every request sharing the clock's statement (review of 0225), and it is never kept.
 */
interface UnreadableSession {
  unreadable: unknown;
}

export type SessionRead = SessionWithUser | UnreadableSession;

const isUnreadable = (read: SessionRead | null): read is UnreadableSession => read !== null && 'unreadable' in read;

function parseSession(session: SessionsTable, user: UsersTable | null): SessionRead {
  try {
    return deepFreeze({ session: toSession(session), user: user ? toUser(user) : null });
  } catch (unreadable) {
    return { unreadable };
  }
}

/** Sessions kept at one snapshot text; past this many, they start over at the next read. */
const maxKeptSessions = 50_000;

/** The asked sessions, each with its user (null when that row is missing), as the statement's one JSON column. */
type SessionJsonRow = { snapshot: string; sessions: { session: SessionsTable; user: UsersTable | null }[] | null };

/**
 * The clock's statement with the asked sessions and their users (0225): always one row, the
 * snapshot and the sessions found as one JSON column (null when none; two columns where 19
 * cost the API half as much again to decode per statement: every request's first one). With
 * `keptAt` (every asked session kept at that text) the subquery reads nothing when the snapshot
 * is still that text: the comparison is a one-time filter, checked before any row is read, where
 * as a join filter it ran after both tables were read (a poll with nothing new paid 0.13 ms more
 * of backend CPU). Every column of both tables is text but one integer: JSON gives them as the
 * driver does.
 */
const sessionsAtSnapshot = (hashes: readonly string[], keptAt: string | null) =>
  sql<SessionJsonRow>`select c.snapshot, (select json_agg(json_build_object('session', to_json(s), 'user', to_json(u))) from sessions s left join users u on u.id = s.user_id where s.token_hash = any(${hashes}::text[]) and c.snapshot is distinct from ${keptAt}::text) as sessions from (select ${snapshotText} as snapshot) c`;

type HotReads = Pick<StoreTx, 'findSession' | 'findUserById' | 'findPackage' | 'listVersionAnswers' | 'listPolicyEvaluations'>;

/** The reads, and the clock they ask (shared with the version reads, pg-version-rows.ts). */
export function postgresHotReads(db: Kysely<Database>, direct: StoreTx): { reads: HotReads; clock: SnapshotClock<SessionRead> } {
  const cache = snapshotCache();
  /**
   * `read` (batched) through the cache: a hit when the clock's stamp, read after the caller
   * asked, is the text the kept row was read at. A request's first lookup (its session) asks
   * the clock afresh; its later ones use the stamp its first one got in this task.
   */
  const through =
    <K, R extends object>(kind: string, keyText: (key: K) => string, read: (key: K) => Promise<Stamped<R> | null>, stamp: () => Promise<string>) =>
    async (key: K): Promise<R | null> => {
      const text = keyText(key);
      const kept = cache.get(await stamp(), kind, text);
      if (kept !== undefined) return kept as R;
      const found = await read(key);
      if (found === null) return null;
      cache.keep(found.snapshot, kind, text, found.value);
      return found.value;
    };
  const byId = (id: string) => id;

  // A session is read with its user, in the clock's own statement (decision record 0225): a
  // request's first round trip brings its stamp, its session and the session's user, all of one
  // snapshot, where a stamp that had moved (any commit, by anyone, moves it) sent a second
  // statement for the session. When every asked session is kept at the text the statement
  // reads, its join reads no row (the kept ones are what it would read: nothing changed since);
  // otherwise every asked one is read, so a change by any writer shows at the next request. The
  // user lookup that follows in the same task (authentication asks for the session's user at
  // once) takes the user from there; kept until the task ends, never longer: a lookup in a
  // later task reads afresh, as every other. Under the same snapshot, the user is kept too.
  let withSessions: Map<string, StoredUser> | null = null;
  let keptSessions: { at: string | null; rows: Map<string, SessionWithUser | null> } = { at: null, rows: new Map() };
  const sessionRows: ClockRows<SessionRead> = {
    async read(hashes) {
      const before = keptSessions;
      const known = before.at !== null && hashes.every((hash) => before.rows.has(hash));
      const { rows } = await sessionsAtSnapshot(hashes, known ? before.at : null).execute(db);
      const stamp = rows[0]?.snapshot;
      if (stamp === undefined) throw new Error('pg_current_snapshot() answered no row');
      const answer = new Map<string, SessionRead | null>();
      if (known && stamp === before.at) {
        for (const hash of hashes) answer.set(hash, before.rows.get(hash) ?? null);
      } else {
        const read = new Map((rows[0]?.sessions ?? []).map(({ session, user }): [string, SessionRead] => [session.token_hash, parseSession(session, user)]));
        const kept = stamp === before.at && before.rows.size + hashes.length <= maxKeptSessions ? before : { at: stamp, rows: new Map<string, SessionWithUser | null>() };
        keptSessions = kept;
        for (const hash of hashes) {
          const found = read.get(hash) ?? null;
          answer.set(hash, found);
          if (isUnreadable(found)) continue;
          kept.rows.set(hash, found);
          if (found?.user) cache.keep(stamp, 'user', found.user.id, found.user);
        }
      }
      // One map per statement, forgotten once the continuations of its answer have run (nextTick,
      // as a request's stamp): kept to the next check phase, a statement begun before a commit and
      // answered after it could lend its older user to another request's kept session in the same
      // poll phase (review of 0208, M1).
      const users = new Map<string, StoredUser>();
      for (const found of answer.values()) if (found && !isUnreadable(found) && found.user) users.set(found.user.id, found.user);
      withSessions = users;
      process.nextTick(() => {
        if (withSessions === users) withSessions = null;
      });
      return { stamp, rows: answer };
    },
  };
  const clock = snapshotClock(db, sessionRows);
  const user = rowsById(async (ids) => (await db.selectFrom('users').selectAll().select(snapshotColumn).where('id', 'in', ids).execute()).map((row) => [row.id, { value: toUser(row), snapshot: row.snapshot }]));
  const pkg = rowsById(async (ids) => (await db.selectFrom('packages').selectAll().select(snapshotColumn).where('id', 'in', ids).execute()).map((row) => [row.id, { value: toPackage(row), snapshot: row.snapshot }]));
  const answers = batched(
    versionText,
    async (keys: VersionKey[]) => {
      const { rows } = await fromSnapshot('version_answers', amongVersionKeys('t.package_id', 't.version_number', keys), 't.package_id, t.version_number, t.position').execute(db);
      const read = rows as (Nullable<VersionAnswersTable> & { snapshot: string })[];
      return stampedLists(keys.map(versionText), read, (row) => (row.package_id === null || row.version_number === null ? null : versionText([row.package_id, row.version_number])), (row) => toAnswer(row as VersionAnswersTable));
    },
    null,
    (found) => ({ value: structuredClone(found.value), snapshot: found.snapshot }),
  );
  // One package's evaluations per key: the store's call takes a list, the read path asks for one.
  // The check in effect per version, by the view every reader shares (as queries/policies.ts reads it).
  const evaluations = batched(
    byId,
    async (ids: string[]) => {
      const { rows } = await fromSnapshot('effective_policy_evaluations', sql`t.package_id = any(${ids}::text[])`, 't.package_id, t.version').execute(db);
      const read = rows as (Nullable<PolicyEvaluationsTable> & { snapshot: string })[];
      return stampedLists(ids, read, (row) => row.package_id, (row) => toPolicyEvaluation(row as PolicyEvaluationsTable));
    },
    null,
    (found) => ({ value: structuredClone(found.value), snapshot: found.snapshot }),
  );
  const findUser = through('user', byId, user, clock.now);
  const keptAnswers = through('answers', versionText, answers, clock.now);
  const keptEvaluations = through('evaluations', byId, evaluations, clock.now);
  const reads: HotReads = {
    findSession: async (tokenHash) => {
      const { row } = await clock.freshWith(tokenHash);
      if (isUnreadable(row)) throw row.unreadable;
      return row?.session ?? null;
    },
    findUserById: (id) => {
      const read = withSessions?.get(id);
      return read ? Promise.resolve(read) : findUser(id);
    },
    findPackage: through('package', byId, pkg, clock.now),
    // Every asked version has a list (empty when it has no answers), kept under its snapshot.
    listVersionAnswers: async (packageId, number) => (await keptAnswers([packageId, number])) ?? [],
    // One package (the read path) batched; a list as the unbatched query reads and sorts it.
    listPolicyEvaluations: async (packageIds) => (packageIds.length === 1 && packageIds[0] !== undefined ? ((await keptEvaluations(packageIds[0])) ?? []) : direct.listPolicyEvaluations(packageIds)),
  };
  return { reads, clock };
}
