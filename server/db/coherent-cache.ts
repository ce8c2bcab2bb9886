import type { SQLOutputValue } from 'node:sqlite';
import type { StoredVersion, StoreTx } from '#api/store/store.ts';
import type { ChangeClock, SqliteRead } from './node-sqlite-dialect.ts';

// Rows read on every request (the caller's session and user, the package, the answers) kept
// in memory for as long as the database provably has not changed: every entry belongs to one
// stamp of the change clock (node-sqlite-dialect.ts), which moves on any write by this process
// and on any commit by another connection. The first read after a change empties the cache.
// SQLite only: there the server is one process on one connection and the clock sees every
// write; two server processes on one SQLite file are not supported. PostgreSQL has no such
// clock (several instances, each with a pool), so nothing is cached there: a log-out on one
// instance must end the session on all of them at once. Version content is never cached.

/** Past this many entries the cache starts over (random tokens must not grow it without end). */
const maxEntries = 10_000;

export interface CoherentCache {
  /** `read` through the cache; `read` must run serialized with every other use of the database. */
  through<T extends object>(key: string, read: () => Promise<T | null>): Promise<T | null>;
}

export function coherentCache(clock: ChangeClock, serialized: <T>(work: () => Promise<T>) => Promise<T>): CoherentCache {
  const entries = new Map<string, object>();
  let validAt = clock.stamp();
  return {
    async through<T extends object>(key: string, read: () => Promise<T | null>): Promise<T | null> {
      const now = clock.stamp();
      if (now !== validAt) {
        entries.clear();
        validAt = now;
      }
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
        if (entries.size >= maxEntries) entries.clear();
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
 * package, the submitter and the answers through one coherent cache, and the version itself
 * (its content is never cached) in SQL written out, which spares building the query with
 * Kysely on every request. Outside transactions only: a transaction reads its own tables.
 */
export function sqliteHotReads(sqlite: { changes: ChangeClock; read: SqliteRead }, serialized: <T>(work: () => Promise<T>) => Promise<T>, direct: StoreTx): Pick<StoreTx, 'findSession' | 'findUserById' | 'findPackage' | 'listVersionAnswers' | 'findVersion'> {
  const cache = coherentCache(sqlite.changes, serialized);
  return {
    findSession: (tokenHash) => cache.through(`session\u0000${tokenHash}`, () => direct.findSession(tokenHash)),
    findUserById: (id) => cache.through(`user\u0000${id}`, () => direct.findUserById(id)),
    findPackage: (id) => cache.through(`package\u0000${id}`, () => direct.findPackage(id)),
    listVersionAnswers: async (packageId, versionNumber) => (await cache.through(`answers\u0000${packageId}\u0000${versionNumber}`, () => direct.listVersionAnswers(packageId, versionNumber))) ?? [],
    findVersion: (packageId, number) =>
      serialized(() => {
        const [row] = sqlite.read(findVersionSql, [packageId, number]);
        return Promise.resolve(row ? versionOf(row) : null);
      }),
  };
}

// As kysely-store.ts's findVersion reads and maps it.
const findVersionSql = 'select package_id, number, canonical_content, content_hash, section_digests, submitted_by, submitted_at from package_versions where package_id = ? and number = ?';

function versionOf(row: Record<string, SQLOutputValue>): StoredVersion {
  const text = (name: string): string => {
    const value = row[name];
    if (typeof value !== 'string') throw new Error(`package_versions.${name} is not text`);
    return value;
  };
  return { packageId: text('package_id'), number: Number(row.number), canonicalContent: text('canonical_content'), contentHash: text('content_hash'), sectionDigests: JSON.parse(text('section_digests')) as Record<string, string>, submittedBy: text('submitted_by'), submittedAt: text('submitted_at') };
}
