import type { SQLInputValue, SQLOutputValue } from 'node:sqlite';
import type { KeptReads, StoredPackage, StoredSession, StoredUser, StoredVersion, StoreTx } from '#api/store/store.ts';
import type { ChangeClock, SqliteQuietWrite, SqliteRead } from './node-sqlite-dialect.ts';
import type { PackagesTable, PolicyEvaluationsTable, VersionAnswersTable } from './schema/schema.ts';
import { toAnswer, toPackage } from './queries/packages.ts';
import { toPolicyEvaluation } from './queries/policies.ts';
import { versionFactsOf } from './version-responses.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// Rows read on every request (the caller's session and user, the package, the answers) kept
// in memory for as long as the database provably has not changed: every entry belongs to one
// stamp of the change clock (node-sqlite-dialect.ts), which moves on any write by this process
// and on any commit by another connection. The first read after a change empties the cache.
// The one write that does not move it, a session's use record, drops the kept sessions (0202).
// SQLite only: there the server is one process on one connection and the clock sees every
// write; two server processes on one SQLite file are not supported. PostgreSQL keeps its rows
// under a clock of its own, the database snapshot's text, which every instance asks (one
// statement per turn), so a log-out on one instance ends the session on all of them at once
// (pg-snapshot-clock.ts, decision record 0208).
// Each kind of row has its own bound (decision record 0149): one bound shared by all kinds
// emptied the whole cache on nearly every read once the inventory passed it (10,000 packages
// and their answers), and every read then built its queries with Kysely again.

/**
 * Past this many entries of one kind (sessions, packages, ...) that kind starts over: random
 * tokens must not grow it without end. Sized for an inventory of tens of thousands of
 * packages read round-robin, which a smaller bound would empty on every pass.
 */
const maxEntriesPerKind = 50_000;

export interface CoherentCache {
  /** `read` through the cache; `read` must run serialized with every other use of the database. */
  through<T extends object>(kind: string, key: string, read: () => Promise<T | null>): Promise<T | null>;
  /** What `through` would answer now without reading (the row of that kind, as it was given); undefined when it would read. */
  peek(kind: string, key: string): object | undefined;
  /** Drops every row of one kind, those of reads still in flight included: after a write the clock does not see (a quiet write). */
  forget(kind: string): void;
}

export function coherentCache(clock: ChangeClock, serialized: <T>(work: () => Promise<T>) => Promise<T>): CoherentCache {
  const kinds = new Map<string, Map<string, object>>();
  let validAt = clock.stamp();
  /** The entries of one kind, emptied first when the clock moved. */
  const entriesOf = (kind: string): Map<string, object> => {
    const now = clock.stamp();
    if (now !== validAt) {
      kinds.clear();
      validAt = now;
    }
    let entries = kinds.get(kind);
    if (!entries) kinds.set(kind, (entries = new Map<string, object>()));
    return entries;
  };
  return {
    peek: (kind, key) => entriesOf(kind).get(key),
    // A read in flight keeps its row in the map it began with, which is then no longer this kind's.
    forget: (kind) => void kinds.delete(kind),
    async through<T extends object>(kind: string, key: string, read: () => Promise<T | null>): Promise<T | null> {
      const entries = entriesOf(kind);
      const found = entries.get(key);
      if (found !== undefined) return found as T;
      // The stamp is taken inside the serialized section, before the read: when it is still
      // the cache's stamp, nothing was written between the two, so the row belongs to it.
      const { value, stamp } = await serialized(async () => {
        const before = clock.stamp();
        return { value: await read(), stamp: before };
      });
      // Absent rows are not kept: a guessed token or id costs a query, never memory.
      if (value !== null && stamp === validAt) {
        if (entries.size >= maxEntriesPerKind) entries.clear();
        entries.set(key, deepFreeze(value));
      }
      return value;
    },
  };
}

/** Shared between requests, so no handler may change what another one will read. */
export function deepFreeze<T extends object>(value: T): T {
  for (const member of Object.values(value)) {
    if (typeof member === 'object' && member !== null) deepFreeze(member as object);
  }
  return Object.freeze(value);
}

/**
 * The package-read path's per-request reads on SQLite: the caller's session and user, the
 * package, the submitter, the answers and the package's policy evaluations through one
 * coherent cache, and the version itself (its content is never cached). The package, the
 * answers, the evaluations and the version are read in SQL written out, which spares building
 * the query with Kysely on every miss (a cache of 10,000 packages read round-robin misses).
 * Outside transactions only: a transaction reads its own tables.
 */
export function sqliteHotReads(
  sqlite: { changes: ChangeClock; read: SqliteRead; quietWrite: SqliteQuietWrite },
  serialized: <T>(work: () => Promise<T>) => Promise<T>,
  direct: StoreTx,
): { reads: Pick<StoreTx, 'findSession' | 'findUserById' | 'findPackage' | 'listVersionAnswers' | 'listPolicyEvaluations' | 'findVersion' | 'touchSession'>; kept: Pick<KeptReads, 'session' | 'user' | 'package'> } {
  const cache = coherentCache(sqlite.changes, serialized);
  // Rows as Kysely reads them on SQLite: the same adapter, so the same row shape (node-sqlite-dialect.ts).
  const rows = <Row>(sql: string, parameters: readonly SQLInputValue[]): Promise<Row[]> => Promise.resolve(sqlite.read(sql, parameters) as unknown as Row[]);
  // The same entries as the reads below, looked up without waiting (the version read path's plain hits, 0202).
  const kept = {
    session: (tokenHash: string) => cache.peek('session', tokenHash) as StoredSession | undefined,
    user: (id: string) => cache.peek('user', id) as StoredUser | undefined,
    package: (id: string) => cache.peek('package', id) as StoredPackage | undefined,
  };
  const reads: ReturnType<typeof sqliteHotReads>['reads'] = {
    findSession: (tokenHash) => cache.through('session', tokenHash, () => direct.findSession(tokenHash)),
    findUserById: (id) => cache.through('user', id, () => direct.findUserById(id)),
    findPackage: (id) => cache.through('package', id, async () => (await rows<PackagesTable>(findPackageSql, [id])).map(toPackage)[0] ?? null),
    listVersionAnswers: async (packageId, versionNumber) => (await cache.through('answers', `${packageId}\u0000${versionNumber}`, async () => (await rows<VersionAnswersTable>(listAnswersSql, [packageId, versionNumber])).map(toAnswer))) ?? [],
    // One package (the read path) kept; a list as the store reads and sorts it.
    listPolicyEvaluations: async (packageIds) => {
      const [only] = packageIds;
      if (packageIds.length !== 1 || only === undefined) return direct.listPolicyEvaluations(packageIds);
      // The check in effect per version, by the view every reader shares (migration 049, decision record 0152).
      return (await cache.through('evaluations', only, async () => (await rows<PolicyEvaluationsTable>(listEvaluationsSql, [only])).map(toPolicyEvaluation))) ?? [];
    },
    // A session's use record, once a minute per signed-in caller, changes one sessions row and
    // nothing a kept answer, account or package is made of (no trigger on sessions): written
    // without moving the clock, and only the kept sessions dropped (0202). As a clocked write it
    // emptied everything kept, once a minute per active user.
    touchSession: (tokenHash, at) =>
      serialized(() => {
        sqlite.quietWrite(touchSessionSql, [at, tokenHash]);
        cache.forget('session');
        return Promise.resolve();
      }),
    findVersion: (packageId, number) =>
      serialized(() => {
        const [row] = sqlite.read(findVersionSql, [packageId, number]);
        return Promise.resolve(row ? versionOf(row) : null);
      }),
  };
  return { reads, kept };
}

// As queries/packages.ts and queries/policies.ts read them (same columns, same order).
const findPackageSql = 'select * from packages where id = ?';
const listAnswersSql = 'select * from version_answers where package_id = ? and version_number = ? order by position';
const listEvaluationsSql = 'select * from effective_policy_evaluations where package_id = ? order by package_id, version';

// As queries/users.ts writes it.
const touchSessionSql = 'update sessions set last_seen_at = ? where token_hash = ?';

// As kysely-store.ts's findVersion reads and maps it.
const findVersionSql = 'select package_id, number, canonical_content, content_hash, section_digests, submitted_by, submitted_at from package_versions where package_id = ? and number = ?';

function versionOf(row: Record<string, SQLOutputValue>): StoredVersion {
  const digests = row.section_digests;
  if (typeof digests !== 'string') throw new Error('package_versions.section_digests is not text');
  return { ...versionFactsOf(row), sectionDigests: parseJson(digests) as Record<string, string> };
}
