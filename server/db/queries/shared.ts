import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema/schema.ts';

// What every query file of the Kysely repository shares (the slices are spread into one
// store by kysely-store.ts).

/** The database outside a transaction or inside one: every query runs on either. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Runs `run` for the given package ids (null for all of them); no ids, no query. */
export function withIds<T>(ids: readonly string[] | 'all', run: (ids: readonly string[] | null) => Promise<T[]>): Promise<T[]> {
  if (ids !== 'all' && ids.length === 0) return Promise.resolve([]);
  return run(ids === 'all' ? null : ids);
}
