import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { AwaitingSecondAdministrator } from '#api/store/second-administrator.ts';
import type { Database, SecondAdministratorColumns } from '../schema/schema.ts';

// What every query file of the Kysely repository shares (the slices are spread into one
// store by kysely-store.ts).

/** The database outside a transaction or inside one: every query runs on either. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Runs `run` for the given package ids (null for all of them); no ids, no query. */
export function withIds<T>(ids: readonly string[] | 'all', run: (ids: readonly string[] | null) => Promise<T[]>): Promise<T[]> {
  if (ids !== 'all' && ids.length === 0) return Promise.resolve([]);
  return run(ids === 'all' ? null : ids);
}

const decisionSchema = z.enum(['approved', 'rejected']).nullable();

/** The filing and decision columns of something waiting for a second administrator (0175, 0182), read. */
export function awaitingFromRow(r: SecondAdministratorColumns): AwaitingSecondAdministrator {
  return { requestedBy: r.requested_by, requestedAt: r.requested_at, expiresAt: r.expires_at, decision: decisionSchema.parse(r.decision), decidedBy: r.decided_by, decidedAt: r.decided_at };
}

/** The same columns of a new filing: undecided. */
export function awaitingColumns(a: AwaitingSecondAdministrator): SecondAdministratorColumns {
  return { requested_by: a.requestedBy, requested_at: a.requestedAt, expires_at: a.expiresAt, decision: null, decided_by: null, decided_at: null };
}
