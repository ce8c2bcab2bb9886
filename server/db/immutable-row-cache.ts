import type { Kysely } from 'kysely';
import type { Decision } from '#domain/contracts/decisions.ts';
import type { StoredVersionFacts, StoreTx } from '#api/store/store.ts';
import type { Database } from './schema/schema.ts';

// Version facts kept in memory once read, and decisions parsed once. package_versions is
// append-only (its triggers refuse UPDATE and DELETE), so a row read once is the row forever:
// each call still asks the database which versions exist, which is cheap (the primary key's
// index alone), and reads in full only the packages with versions it has not seen. Why it
// matters on SQLite: a version's facts are stored after its content (megabytes), so reading
// them walks the content's overflow pages, 30 ms for a 1,000-package inventory; and every
// decision was parsed with its zod schema on every list. The content itself is never kept
// here: it is read on every request, so content changed in the database shows (and fails its
// hash). Used outside transactions only: a row a transaction wrote is not known to be
// committed until it is.

type PackageIds = readonly string[] | 'all';

interface Cached<T> {
  rows: Map<string, T>;
}

async function throughCache<T>(cache: Cached<T>, keys: { key: string; packageId: string }[], keyOf: (row: T) => string, read: (ids: PackageIds) => Promise<T[]>, ids: PackageIds): Promise<T[]> {
  const missing = new Set<string>();
  let seenAny = false;
  for (const { key, packageId } of keys) {
    if (cache.rows.has(key)) seenAny = true;
    else missing.add(packageId);
  }
  if (missing.size > 0) {
    // Nothing seen yet (the first list of the inventory): one read, as asked.
    const rows = await read(seenAny ? [...missing] : ids);
    for (const row of rows) cache.rows.set(keyOf(row), Object.freeze(row));
  }
  const out: T[] = [];
  for (const { key } of keys) {
    const row = cache.rows.get(key);
    if (row !== undefined) out.push(row);
  }
  return out;
}

const versionKey = (packageId: string, number: number) => `${packageId}\u0000${number}`;

/** listVersionFacts over a cache: the keys come from the primary key's index alone. */
function cachedVersionFacts(db: Kysely<Database>, read: StoreTx['listVersionFacts']): StoreTx['listVersionFacts'] {
  const cache: Cached<StoredVersionFacts> = { rows: new Map() };
  return async (ids) => {
    if (ids !== 'all' && ids.length === 0) return [];
    let q = db.selectFrom('package_versions').select(['package_id', 'number']);
    if (ids !== 'all') q = q.where('package_id', 'in', ids);
    const keys = (await q.orderBy('package_id').orderBy('number').execute()).map((r) => ({ key: versionKey(r.package_id, r.number), packageId: r.package_id }));
    return throughCache(cache, keys, (f) => versionKey(f.packageId, f.number), read, ids);
  };
}

/**
 * listDecisions with each row parsed once: the rows are read in full on every call (they are
 * small), and a decision is parsed again whenever its row differs from the one it was parsed
 * from. Decisions are evidence (the verification route reads them), so a row changed in the
 * database behind the server's back must show at once, never a remembered original.
 */
function cachedDecisions(db: Kysely<Database>, read: StoreTx['listDecisions']): StoreTx['listDecisions'] {
  const parsed = new Map<string, { row: string; decision: Decision }>();
  return async (ids) => {
    if (ids !== 'all' && ids.length === 0) return [];
    let q = db.selectFrom('decisions').selectAll();
    if (ids !== 'all') q = q.where('package_id', 'in', ids);
    const rows = await q.orderBy('decided_at').orderBy('id').execute();
    const textOf = new Map(rows.map((r) => [r.id, JSON.stringify(r)]));
    const stale = new Set(rows.filter((r) => parsed.get(r.id)?.row !== textOf.get(r.id)).map((r) => r.package_id));
    if (stale.size > 0) {
      for (const decision of await read(stale.size === new Set(rows.map((r) => r.package_id)).size ? ids : [...stale])) {
        const row = textOf.get(decision.id);
        if (row !== undefined) parsed.set(decision.id, { row, decision: Object.freeze(decision) });
      }
    }
    const out: Decision[] = [];
    for (const r of rows) {
      const found = parsed.get(r.id);
      if (found?.row === textOf.get(r.id) && found) out.push(found.decision);
    }
    return out;
  };
}

/** Both reads above on the store's own connection, serialized with every other use of it. */
export function immutableRowReads(db: Kysely<Database>, serialized: <T>(work: () => Promise<T>) => Promise<T>, direct: StoreTx): Pick<StoreTx, 'listVersionFacts' | 'listDecisions'> {
  const versionFacts = cachedVersionFacts(db, (ids) => direct.listVersionFacts(ids));
  const decisions = cachedDecisions(db, (ids) => direct.listDecisions(ids));
  return { listVersionFacts: (ids) => serialized(() => versionFacts(ids)), listDecisions: (ids) => serialized(() => decisions(ids)) };
}
