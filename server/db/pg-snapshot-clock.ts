import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/schema.ts';
import { deepFreeze } from './coherent-cache.ts';

// PostgreSQL's change clock (decision record 0208): the text of `pg_current_snapshot()`
// (xmin:xmax:in-progress xids) of a statement. Every transaction that writes anything gets an
// xid, and its end (commit or abort) either raises xmax or takes it out of the in-progress list:
// the text moves on every write that becomes visible, by this instance, another one, or anyone
// with psql (triggers can be disabled, xids cannot be avoided); reads leave it alone. xmax only
// grows and, at one xmax, the list only shrinks, so no earlier text comes back. Two statements
// with the same text see the same committed rows (tests/integration/pg-snapshot-clock.test.ts).
// The clock is the cluster's, not the database's: a write to another database moves it too.
//
// Within one history. A point-in-time restore, a failover to a standby that had not received
// the last commits, or pg_resetwal takes the xids back, and the writes that follow in the new
// history can reach an earlier text (or `xmin`) again with other rows behind it. Each of these
// starts a postmaster, so the start time (as seconds since the epoch: the same text whatever a
// session's TimeZone) is part of every stamp and row version: a kept row from before is never
// taken for one read after (tests/integration/pg-snapshot-history.test.ts). A plain restart
// empties the caches too, at the price of reading them again.
// A crash restart (any backend killed, restart_after_crash) keeps the postmaster and its start,
// yet with `synchronous_commit = off` it can lose commits others already saw, and their xids are
// handed out again (review of 0225). Crash recovery discards the statistics, which sets their
// reset time, so that time is part of the history too; `pg_stat_reset_shared()` moves it as
// well, which only empties the caches once.
const history = sql<string>`(extract(epoch from pg_postmaster_start_time())::text || '/' || coalesce(extract(epoch from pg_stat_get_bgwriter_stat_reset_time())::text, ''))`;

/** The stamp's text: the snapshot, in the history of this postmaster's start. */
export const snapshotText = sql<string>`(pg_current_snapshot()::text || '@' || ${history})`;

/** The snapshot column every cached read selects beside its rows: rows and stamp from one statement. */
export const snapshotColumn = snapshotText.as('snapshot');

/** A row's version (its `xmin`, the transaction that wrote it) in the same history as the stamp. */
export const rowVersionColumn = sql<string>`(xmin::text || '@' || ${history})`.as('row_version');

export interface SnapshotClock<R = unknown> {
  /** A stamp read by a statement sent after this call, shared by every caller of this turn of the event loop. */
  fresh: () => Promise<string>;
  /**
   * As `fresh`, and the row of `key` the clock's own statement read beside the stamp (its
   * `rows`), of the same snapshot: one round trip where a stamp and then a read were two (0225).
   */
  freshWith: (key: string) => Promise<{ stamp: string; row: R | null }>;
  /**
   * The stamp its callers' continuations are running on, when they are (a request's later
   * lookups, run as the continuation of its first one), else a fresh one.
   */
  now: () => Promise<string>;
  /**
   * The stamp of the task running now, without asking: the text a lookup made now would use, or
   * null (a later task, which would ask afresh). The same text as an earlier stamp means the
   * database has not changed between the two.
   */
  current: () => string | null;
}

/**
 * Keyed rows the clock's statement can bring beside the stamp: `read` answers the stamp and the
 * row of each key (null: none) from ONE statement, so the rows are what the database held at
 * that stamp, by whoever wrote them (decision record 0225).
 */
export interface ClockRows<R> {
  read: (keys: readonly string[]) => Promise<{ stamp: string; rows: ReadonlyMap<string, R | null> }>;
}

interface ClockAnswer<R> {
  stamp: string;
  rows: ReadonlyMap<string, R | null>;
}

export function snapshotClock<R = unknown>(db: Kysely<Database>, withRows?: ClockRows<R>): SnapshotClock<R> {
  /** The next read, asked for and not yet sent, with the keys asked of it; `send` sends it. */
  let pending: { answer: Promise<ClockAnswer<R>>; keys: Set<string>; send: () => void } | null = null;
  let inFlight = false;
  let thisTask: string | null = null;
  const read = async (keys: ReadonlySet<string>): Promise<ClockAnswer<R>> => {
    if (withRows && keys.size > 0) return withRows.read([...keys]);
    const { rows } = await sql<{ snapshot: string }>`select ${snapshotText} as snapshot`.execute(db);
    const stamp = rows[0]?.snapshot;
    if (stamp === undefined) throw new Error('pg_current_snapshot() answered no row');
    return { stamp, rows: new Map() };
  };
  // One read in flight at a time: whoever asks while one is out waits for the next, sent once
  // it is back. Each caller still gets a stamp read by a statement sent after it asked, and under
  // load one statement serves every turn of a round trip, where one per turn had most of the
  // API's extra CPU per read over SQLite's in its socket writes (0214).
  const sendNext = () => {
    if (inFlight || pending === null) return;
    const { send } = pending;
    pending = null;
    inFlight = true;
    send();
  };
  const next = (): NonNullable<typeof pending> => {
    if (pending) return pending;
    let send = () => {};
    const keys = new Set<string>();
    const answer = new Promise<ClockAnswer<R>>((resolve, reject) => {
      send = () =>
        void read(keys)
          .then((read) => {
            const text = read.stamp;
            // Kept for the continuations of its callers only: promise continuations run in one
            // drain of the microtask queue, and a tick queued now runs once that drain ends, before
            // any other I/O callback. Kept to the next check phase instead, a write of this
            // process acknowledged in the same poll phase was read as before it (a test holds this).
            thisTask = text;
            process.nextTick(() => {
              if (thisTask === text) thisTask = null;
            });
            resolve(read);
          }, reject)
          .finally(() => {
            inFlight = false;
            // The next one's callers asked before this one came back: sent once this turn's have too.
            if (pending) setImmediate(sendNext);
          });
    });
    pending = { answer, keys, send };
    // Sent once the turn's callers have all asked (setImmediate), so after each of them asked.
    if (!inFlight) setImmediate(sendNext);
    return pending;
  };
  const fresh = async (): Promise<string> => (await next().answer).stamp;
  // A key joins the read not yet sent: never one already out, whose snapshot may predate the ask.
  const freshWith = async (key: string) => {
    const asked = next();
    asked.keys.add(key);
    const { stamp, rows } = await asked.answer;
    return { stamp, row: rows.get(key) ?? null };
  };
  return { fresh, freshWith, now: () => (thisTask === null ? fresh() : Promise.resolve(thisTask)), current: () => thisTask };
}

/** Rows of a statement, and the snapshot they were read at. */
export interface Stamped<R> {
  value: R;
  snapshot: string;
}

/**
 * Past this many entries of one kind, that kind starts over (as coherent-cache.ts). Version
 * content is not kept here but once, in pg-version-rows.ts, under its own bound (0214).
 */
const maxEntriesPerKind = 50_000;

/**
 * Rows kept for one snapshot text at a time: asked with another text, everything is dropped
 * first. A row is kept only when the statement that read it had the cache's text, so every
 * entry is the row as the database holds it at any statement with that text. Entries are frozen.
 */
export function snapshotCache() {
  const kinds = new Map<string, Map<string, object>>();
  let validAt: string | null = null;
  const at = (stamp: string) => {
    if (stamp !== validAt) {
      kinds.clear();
      validAt = stamp;
    }
  };
  return {
    get(stamp: string, kind: string, key: string): object | undefined {
      at(stamp);
      return kinds.get(kind)?.get(key);
    },
    keep(snapshot: string, kind: string, key: string, value: object): void {
      if (snapshot !== validAt) return;
      let entries = kinds.get(kind);
      if (!entries) kinds.set(kind, (entries = new Map<string, object>()));
      // The same row at the same text, kept already (several callers of one row): kept once.
      if (entries.has(key)) return;
      if (entries.size >= maxEntriesPerKind) entries.clear();
      entries.set(key, deepFreeze(value));
    },
  };
}
