import { sql, type Kysely } from 'kysely';
import type { StoredVersion } from '#api/store/store.ts';
import type { Database } from './schema/schema.ts';
import { snapshotColumn, type Stamped } from './pg-snapshot-clock.ts';
import { toVersion } from './queries/packages.ts';
import { postgresKeptVersionBound } from '#api/packages/answer-bytes.ts';

// Versions on PostgreSQL, read by row version (decision record 0149). A package read asks
// the database, every time, which row version (`xmin`, the id of the transaction that wrote
// the row) each asked version has now; only a version whose row version this instance has not
// kept is read whole (its content: tens of kilobytes PostgreSQL detoasts, sends and the API
// decodes on every read). Every write of a row, an UPDATE behind the server's back included,
// makes a new row version with a new `xmin`, so the bytes served are always the bytes of the
// row the database holds at that read: content changed in the database shows at once and fails
// its hash in the browser, as when every read fetched it. Nothing is keyed by the content hash:
// tampering that keeps the hash column would be hidden by such a key, never by this one. No
// invalidation is needed across instances either: the database is asked on every read.

/** Kept content, in characters (one byte each for the ASCII JSON content is): a bound on memory (0210). */
const maxKeptChars = postgresKeptVersionBound;
/**
 * Kept no longer than this: `xmin` is a 32-bit transaction id that comes round again after
 * about four billion transactions, so an entry must not outlive any plausible wrap.
 */
const maxAgeMs = 10 * 60_000;

interface Kept {
  rowVersion: string;
  version: StoredVersion;
  keptAt: number;
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

/**
 * Reads `keys` (one statement for the row versions, one more for the versions not kept) as a map
 * from `keyText`, each version with the snapshot of the statement that established it (0208).
 */
export function versionRowReader(db: Kysely<Database>, keyText: (key: VersionKey) => string, now: () => number = Date.now): (keys: readonly VersionKey[]) => Promise<Map<string, Stamped<StoredVersion>>> {
  const kept = new Map<string, Kept>();
  let keptChars = 0;
  const forget = (key: string, entry: Kept) => {
    kept.delete(key);
    keptChars -= entry.version.canonicalContent.length;
  };
  const inKeys = (keys: readonly VersionKey[]) => db.selectFrom('package_versions').where(amongVersionKeys('package_id', 'number', keys));
  return async (keys) => {
    const out = new Map<string, Stamped<StoredVersion>>();
    const current = await inKeys(keys).select(['package_id', 'number', sql<string>`xmin::text`.as('row_version'), snapshotColumn]).execute();
    const at = now();
    const unread: VersionKey[] = [];
    for (const row of current) {
      const key = keyText([row.package_id, row.number]);
      const entry = kept.get(key);
      if (entry && (entry.rowVersion !== row.row_version || at - entry.keptAt > maxAgeMs)) forget(key, entry);
      const still = kept.get(key);
      // Each read its own object: no handler can change what another one reads.
      if (still) out.set(key, { value: { ...still.version, sectionDigests: { ...still.version.sectionDigests } }, snapshot: row.snapshot });
      else unread.push([row.package_id, row.number]);
    }
    if (unread.length === 0) return out;
    // Read whole, with the row version read again: a row written between the two statements is
    // served (and kept) as this second statement read it, the later of the two.
    const rows = await inKeys(unread).selectAll().select([sql<string>`xmin::text`.as('row_version'), snapshotColumn]).execute();
    for (const row of rows) {
      const key = keyText([row.package_id, row.number]);
      const version = toVersion(row);
      out.set(key, { value: version, snapshot: row.snapshot });
      const old = kept.get(key);
      if (old) forget(key, old);
      // Once the bound is reached nothing more is kept (until entries age out): a full cache
      // emptied to make room would keep nothing for a round-robin over more than it holds.
      if (keptChars + version.canonicalContent.length <= maxKeptChars) {
        kept.set(key, { rowVersion: row.row_version, version, keptAt: at });
        keptChars += version.canonicalContent.length;
      }
    }
    return out;
  };
}
