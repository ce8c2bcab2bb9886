import type { Kysely } from 'kysely';
import type { Store, StoreTx } from '#api/store/store.ts';
import type { Engine } from './schema/engine.ts';
import { immutableRowReads } from './immutable-row-cache.ts';
import { sqliteHotReads } from './coherent-cache.ts';
import { sqliteVersionResponses } from './version-responses.ts';
import { postgresHotReads } from './pg-batched-reads.ts';
import { postgresVersionRows } from './pg-version-rows.ts';
import { coalescedPages } from './pg-coalesced-pages.ts';
import { sqliteKeptPages } from './sqlite-kept-pages.ts';
import type { ChangeClock, SqliteQuietWrite, SqliteRead } from './node-sqlite-dialect.ts';
import type { Database } from './schema/schema.ts';
import { Mutex } from './mutex.ts';
import type { Db } from './queries/shared.ts';
import { sessionQueries } from './queries/session.ts';
import { packagesQueries } from './queries/packages.ts';
import { threadsQueries } from './queries/threads.ts';
import { findingsQueries } from './queries/findings.ts';
import { sectionReviewsQueries } from './queries/section-reviews.ts';
import { templatesQueries } from './queries/templates.ts';
import { policiesQueries } from './queries/policies.ts';
import { riskAssessmentsQueries } from './queries/risk-assessments.ts';
import { auditQueries } from './queries/audit.ts';
import { signingQueries } from './queries/signing.ts';
import { passkeysQueries } from './queries/passkeys.ts';
import { delegationsQueries } from './queries/delegations.ts';
import { tokensQueries } from './queries/tokens.ts';
import { webhooksQueries } from './queries/webhooks.ts';
import { notificationsQueries } from './queries/notifications.ts';
import { reReviewQueries } from './queries/re-review.ts';
import { rollbacksQueries } from './queries/rollbacks.ts';
import { businessLinesQueries } from './queries/business-lines.ts';
import { usersQueries } from './queries/users.ts';
import { accountRequestsQueries } from './queries/account-requests.ts';
import { catalogueProposalsQueries } from './queries/catalogue-proposals.ts';
import { throttleQueries } from './queries/throttle.ts';
import { mailQueries } from './queries/mail.ts';
import { registriesQueries } from './queries/registries.ts';
import { draftsQueries } from './queries/drafts.ts';
import { obligationsQueries } from './queries/obligations.ts';
import { governanceQueries } from './queries/governance.ts';
import { packageSummariesQueries } from './queries/package-summaries.ts';

// One repository over SQLite and PostgreSQL, composed from one query file per capability
// (queries/<capability>.ts). SQLite has a single connection, so every operation is serialized
// through a mutex (a query from one request must never run inside another request's
// transaction). PostgreSQL serializes audit appends with an advisory lock (queries/audit.ts)
// so the log stays one line across API instances.

function queries(db: Db, engine: Engine): StoreTx {
  const rest = otherQueries(db, engine);
  return { ...rest, ...notificationsQueries(db, engine, rest) };
}

function otherQueries(db: Db, engine: Engine): Omit<StoreTx, keyof ReturnType<typeof notificationsQueries>> {
  return {
    ...sessionQueries(db),
    ...packagesQueries(db, engine),
    ...threadsQueries(db),
    ...findingsQueries(db, engine),
    ...sectionReviewsQueries(db),
    ...templatesQueries(db),
    ...policiesQueries(db, engine),
    ...riskAssessmentsQueries(db),
    ...auditQueries(db, engine),
    ...signingQueries(db, engine),
    ...passkeysQueries(db),
    ...delegationsQueries(db),
    ...tokensQueries(db),
    ...webhooksQueries(db),
    ...reReviewQueries(db),
    ...usersQueries(db),
    ...accountRequestsQueries(db),
    ...catalogueProposalsQueries(db),
    ...throttleQueries(db, engine),
    ...mailQueries(db),
    ...registriesQueries(db),
    ...draftsQueries(db),
    ...obligationsQueries(db),
    ...governanceQueries(db),
    ...rollbacksQueries(db),
    ...businessLinesQueries(db),
    ...packageSummariesQueries(db, engine),
  };
}

/** `sqlite`: the change clock and hand-written reads of openSqlite; with them, hot reads go through coherent-cache.ts. */
export function createKyselyStore(db: Kysely<Database>, engine: Engine, sqlite?: { changes: ChangeClock; read: SqliteRead; quietWrite: SqliteQuietWrite }): Store {
  // SQLite: one connection, so one operation at a time. PostgreSQL: a pool, so no mutex.
  const mutex = engine === 'sqlite' ? new Mutex() : null;
  const serialized = <T>(work: () => Promise<T>): Promise<T> => (mutex ? mutex.run(work) : work());
  const transaction = <T>(work: (tx: StoreTx) => Promise<T>): Promise<T> => serialized(() => db.transaction().execute((trx) => work(queries(trx, engine))));

  const direct = queries(db, engine);
  const wrapped = Object.fromEntries(
    Object.entries(direct).map(([name, fn]) => [name, (...args: unknown[]) => serialized(() => (fn as (...a: unknown[]) => Promise<unknown>)(...args))]),
  ) as unknown as StoreTx;

  // On SQLite, append-only rows are read once (immutable-row-cache.ts); transactions read the tables.
  const cachedReads: Partial<StoreTx> = engine === 'sqlite' ? immutableRowReads(db, serialized, direct) : {};
  // On SQLite, per-request rows are kept until the database changes (coherent-cache.ts).
  // On PostgreSQL, the same reads batched per turn of the event loop, kept under the database snapshot's text (pg-batched-reads.ts, 0208).
  const hot = engine === 'sqlite' && sqlite ? { ...sqliteHotReads(sqlite, serialized, direct), responses: sqliteVersionResponses(sqlite, serialized) } : null;
  // On PostgreSQL, identical inbox pages asked in one turn share one statement (pg-coalesced-pages.ts, 0203).
  // On SQLite, inbox pages kept under the same clock until a row falls due (sqlite-kept-pages.ts, 0209).
  const keptPages = (clock: ChangeClock) => sqliteKeptPages(clock, serialized, (query, now) => direct.pageSummariesIfFresh(query, now), async () => (await direct.nextSummaryChange())?.at ?? null);
  // On PostgreSQL, versions checked by row version and their content kept once, as the version route's answers (pg-version-rows.ts, 0214).
  const pgHot = engine === 'postgres' ? postgresHotReads(db, direct) : null;
  const pgVersions = pgHot ? postgresVersionRows(db, pgHot.clock) : null;
  const coherent: Partial<StoreTx> =
    hot && sqlite ? { ...hot.reads, pageSummariesIfFresh: keptPages(sqlite.changes) } : pgHot && pgVersions ? { ...pgHot.reads, findVersion: pgVersions.findVersion, pageSummariesIfFresh: coalescedPages((query, now) => direct.pageSummariesIfFresh(query, now)) } : {};
  return {
    ...wrapped,
    ...cachedReads,
    ...coherent,
    // An audit append reads the chain's head and writes after it: always atomically.
    appendAudit: (entry) => transaction((tx) => tx.appendAudit(entry)),
    engine,
    // On SQLite, the version route's answers kept under the same clock (version-responses.ts), and all it keeps looked up without waiting.
    ...(hot ? { versionResponses: hot.responses, kept: { ...hot.kept, answer: hot.responses.kept } } : {}),
    // On PostgreSQL, the same answers' bytes, kept with the row version they were made from.
    ...(pgVersions ? { versionResponses: pgVersions.responses } : {}),
    transaction,
    close: () => db.destroy(),
  };
}
