import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSummaries } from '#api/package-access/summaries.ts';
import type { Store } from '#api/store/store.ts';
import { createKyselyStore } from '#server/db/kysely-store.ts';
import { migrate } from '#server/db/migrate.ts';
import { openPostgresPool } from '#server/db/pg-pool.ts';
import type { Database } from '#server/db/schema/schema.ts';
import { seedDemoWithSummaries } from '../support/seeded-summaries.ts';
import { createTestDatabase, startPostgresCluster, type PostgresCluster, type TestDatabase } from '../support/postgres-cluster.ts';

// Inbox pages asked in one turn on PostgreSQL share one statement per distinct page, and a page
// asked after a statement was sent never joins it (server/db/pg-coalesced-pages.ts, decision
// record 0203). The statements are counted by Kysely's log of the store's own connection pool.

let cluster: PostgresCluster;
let database: TestDatabase;
let store: Store;
let pageStatements = 0;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  database = await createTestDatabase(cluster.url);
  const pool = openPostgresPool({ connectionString: database.url, max: 4 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' && event.query.sql.includes('left join lateral')) pageStatements += 1;
    },
  });
  await migrate(db, 'postgres');
  store = createKyselyStore(db, 'postgres');
  await seedDemoWithSummaries(store);
});

afterAll(async () => {
  await store.close();
  await database.drop();
  await cluster.stop();
});

const inReview = { ownerId: null, status: 'in_review' as const, after: null, limit: 50 };
const byRole = { ownerId: null, stepRole: 'model_risk' as const, after: null, limit: 50 };

describe('inbox pages on PostgreSQL', () => {
  it('sends one statement per distinct page asked in one turn, each caller answered as alone', async () => {
    const at = new Date().toISOString();
    const alone = [await store.pageSummariesIfFresh(inReview, at), await store.pageSummariesIfFresh(byRole, at)];
    expect(alone[0]?.length).toBeGreaterThan(0);
    pageStatements = 0;
    const together = await Promise.all([inReview, byRole, inReview, inReview, byRole, inReview].map((query) => store.pageSummariesIfFresh(query, at)));
    expect(pageStatements).toBe(2);
    expect(together).toEqual([alone[0], alone[1], alone[0], alone[0], alone[1], alone[0]]);
  });

  it('never answers a caller from a statement sent before it asked: a row marked stale in between sends it to the refresh', async () => {
    const at = new Date().toISOString();
    expect(await store.listSummariesToRefresh(at)).toEqual([]);
    const [first] = await store.listPackages();
    if (!first) throw new Error('demo data');
    const sent = store.pageSummariesIfFresh(inReview, at);
    // The first caller's statement goes out at the end of this turn; the mark commits after it.
    await new Promise((resolve) => setImmediate(resolve));
    await store.markSummariesStale([first.id]);
    const later = await store.pageSummariesIfFresh(inReview, at);
    expect(later).toBeNull();
    await sent;
    await refreshSummaries(store, new Date());
    expect(await store.pageSummariesIfFresh(inReview, new Date().toISOString())).not.toBeNull();
  });

  it('checks freshness at the latest instant of a turn’s callers', async () => {
    await refreshSummaries(store, new Date());
    const next = await store.nextSummaryChange();
    if (!next) throw new Error('no summary changes with the clock in the demo data');
    const before = new Date(Date.parse(next.at) - 1).toISOString();
    pageStatements = 0;
    // The same page asked at an instant before a row's validity ends and at one after it: one
    // statement, at the later instant, so neither is served a page with that row out of date.
    const [early, late] = await Promise.all([store.pageSummariesIfFresh(inReview, before), store.pageSummariesIfFresh(inReview, next.at)]);
    expect(pageStatements).toBe(1);
    expect(late).toBeNull();
    expect(early).toBeNull();
    // Alone, the earlier instant is served.
    expect(await store.pageSummariesIfFresh(inReview, before)).not.toBeNull();
  });
});
