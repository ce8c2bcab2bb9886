import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '#api/store/store.ts';
import { createKyselyStore } from '#server/db/kysely-store.ts';
import { migrate } from '#server/db/migrate.ts';
import { openPostgresPool } from '#server/db/pg-pool.ts';
import { preparedDefaults, preparedStatementPool, type PreparedOptions } from '#server/db/pg-prepared.ts';
import { pollStatementsToWarm } from '#server/db/queries/notification-statements.ts';
import type { Database } from '#server/db/schema/schema.ts';
import { notificationSources } from '#domain/notifications/derive-notifications.ts';
import { seedDemoWithSummaries } from '../support/seeded-summaries.ts';
import { createTestDatabase, startPostgresCluster, type PostgresCluster, type TestDatabase } from '../support/postgres-cluster.ts';

// PostgreSQL's hot statements go out as named prepared statements (server/db/pg-prepared.ts,
// decision record 0200). Each pool here has one connection, so what the test reads from
// pg_prepared_statements (one session's view) is the connection the statements ran on.

let cluster: PostgresCluster;
let database: TestDatabase;
const opened: { destroy: () => Promise<void> }[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  database = await createTestDatabase(cluster.url);
  const plain = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPool() }) });
  await migrate(plain, 'postgres');
  await plain.destroy();
});

afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

afterAll(async () => {
  expect(lostConnections).toEqual([]);
  await database.drop();
  await cluster.stop();
});

/** Connections the server ended while idle: only the test that ends one expects any. */
const lostConnections: Error[] = [];
const openPool = () => openPostgresPool({ connectionString: database.url, max: 1 }, (error) => lostConnections.push(error));

const pools = new WeakMap<Kysely<Database>, pg.Pool>();

function openPrepared(options?: PreparedOptions): Kysely<Database> {
  const pool = openPool();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool, options) }) });
  pools.set(db, pool);
  opened.push(db);
  return db;
}

/** Resolves once the pool under `db` has dropped a connection (pg-pool's 'remove'). */
const connectionRemoved = (db: Kysely<Database>) => new Promise<void>((resolve) => pools.get(db)?.once('remove', () => resolve()));

const preparedOn = async (db: Kysely<Database>) =>
  (await sql<{ name: string; statement: string; generic_plans: string | number; custom_plans: string | number }>`select name, statement, generic_plans, custom_plans from pg_prepared_statements`.execute(db)).rows;

describe('named prepared statements', () => {
  it('names a statement from its third use on, and never one used less', async () => {
    const db = openPrepared({ hotAfter: 3, perConnection: 10 });
    const once = () => db.selectFrom('users').select('id').where('email', '=', 'nobody@example.com').execute();
    await once();
    await once();
    expect((await preparedOn(db)).filter((r) => r.statement.includes('nobody') || r.statement.includes('"email" = $1'))).toEqual([]);
    await once();
    await once();
    const named = (await preparedOn(db)).filter((r) => r.statement.includes('"email" = $1'));
    expect(named).toHaveLength(1);
    expect(named[0]?.name).toMatch(/^k_/);
  });

  it('holds no more statements per connection than its bound; the others still answer', async () => {
    const db = openPrepared({ hotAfter: 1, perConnection: 2 });
    for (const column of ['id', 'email', 'display_name', 'title'] as const) {
      for (let i = 0; i < 2; i++) expect(await db.selectFrom('users').select(column).where('id', '=', 'nobody').execute()).toEqual([]);
    }
    expect((await preparedOn(db)).filter((r) => r.name.startsWith('k_'))).toHaveLength(2);
  });

  it('fails a statement whose table changed shape once, then serves the new shape on a fresh connection', async () => {
    await sql`create table shape_probe (a integer)`.execute(openPrepared());
    const db = openPrepared({ hotAfter: 1, perConnection: 10 });
    const read = () => sql<Record<string, unknown>>`select * from shape_probe where a > ${0}`.execute(db);
    await sql`insert into shape_probe values (1)`.execute(db);
    expect((await read()).rows).toEqual([{ a: 1 }]);
    // Another instance's migration adds a column while this connection holds the statement.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    await other.query('alter table shape_probe add column b integer default 2');
    await other.end();
    await expect(read()).rejects.toMatchObject({ code: '0A000' });
    expect((await read()).rows).toEqual([{ a: 1, b: 2 }]);
  });

  it('replaces a connection the server ended while idle, and names its statements again on the new one', async () => {
    const db = openPrepared({ hotAfter: 1, perConnection: 10 });
    const read = () => db.selectFrom('users').select('id').where('email', '=', 'nobody@example.com').execute();
    await read();
    const [before] = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows;
    const gone = connectionRemoved(db);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [before?.pid]);
    await admin.end();
    await gone;
    expect(lostConnections.splice(0).map((error) => (error as { code?: string }).code)).toEqual(['57P01']);
    expect(await read()).toEqual([]);
    const [after] = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows;
    expect(after?.pid).not.toBe(before?.pid);
    expect((await preparedOn(db)).filter((r) => r.statement.includes('"email" = $1'))).toHaveLength(1);
  });
});

describe('the inbox page statement', () => {
  let store: Store;
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementPool(openPool()) }) });
    store = createKyselyStore(db, 'postgres');
    await seedDemoWithSummaries(store);
  });
  afterAll(async () => {
    await store.close();
  });

  it('is planned once per connection (a generic plan), not at every call', async () => {
    const at = new Date().toISOString();
    for (let i = 0; i < 12; i++) expect(await store.pageSummariesIfFresh({ ownerId: null, stepRole: 'model_risk', after: null, limit: 50 }, at)).not.toBeNull();
    const page = (await preparedOn(db)).filter((r) => r.statement.includes('left join lateral') && r.statement.includes(`"step_role" = 'model_risk'`));
    expect(page).toHaveLength(1);
    // PostgreSQL plans the first five executions for their values, then keeps the generic plan
    // when it costs no more: the limit and the role in the text are what let it.
    expect(Number(page[0]?.generic_plans)).toBeGreaterThanOrEqual(5);
  });

  it('keeps the generic plans of a notification poll’s two statements (decision record 0203)', async () => {
    const reader = await store.findUserByEmail('owner@example.com');
    const [pkg] = await store.listPackages(reader?.id);
    if (!reader || !pkg) throw new Error('demo data');
    const { size } = await store.readNotificationLog(0, 0, reader.id);
    for (let i = 0; i < 12; i++) {
      expect((await store.readNotificationLog(size - 1, 2_000, reader.id)).entries).toHaveLength(1);
      expect((await store.listNotificationPackages([pkg.id], notificationSources)).packages).toHaveLength(1);
      // The log's statement that brings the named package's rows with it (decision record 0217).
      expect((await store.readNotificationLog(size - 1, 2_000, reader.id, notificationSources)).rows).toBeDefined();
    }
    const statements = await preparedOn(db);
    const log = statements.filter((r) => r.statement.includes('as read_seq') && !r.statement.includes('package_rows'));
    const withRows = statements.filter((r) => r.statement.includes('as read_seq') && r.statement.includes('package_rows'));
    const rows = statements.filter((r) => r.statement.includes('as package_rows') && r.statement.includes('a.subject = $1'));
    expect(log).toHaveLength(1);
    expect(withRows).toHaveLength(1);
    expect(rows).toHaveLength(1);
    // Planned for their values for the first five executions, then the generic plan is kept: a
    // page literal (not 2,000), one package named by `= $n` (not `= any($n)`), and the log's seq
    // read by an InitPlan where the rows come too, are what let it.
    expect(Number(log[0]?.generic_plans)).toBeGreaterThanOrEqual(5);
    expect(Number(withRows[0]?.generic_plans)).toBeGreaterThanOrEqual(5);
    expect(Number(rows[0]?.generic_plans)).toBeGreaterThanOrEqual(5);
  });

  it('refuses an action outside the notification sources rather than writing it into the SQL', async () => {
    await expect(store.listNotificationPackages(['pkg_x'], ["thread.opened') or ('1' = '1"])).rejects.toThrow();
    await expect(store.readNotificationLog(0, 10, undefined, ["thread.opened') or ('1' = '1"])).rejects.toThrow();
    // Checked before a statement's text is looked up (0217): one action that spells the whole list is no list.
    await store.listNotificationPackages(['pkg_x'], notificationSources);
    await expect(store.listNotificationPackages(['pkg_x'], [notificationSources.join(',')])).rejects.toThrow();
    await expect(store.readNotificationLog(0, 10, undefined, [notificationSources.join(',')])).rejects.toThrow();
  });

  it('refuses a filter value outside its closed set rather than writing it into the SQL', async () => {
    await expect(store.pageSummaries({ ownerId: null, stepRole: "model_risk' or '1' = '1", after: null, limit: 50 })).rejects.toThrow();
    await expect(store.pageSummaries({ ownerId: null, riskTier: 7, after: null, limit: 50 })).rejects.toThrow();
  });
});

describe('a poll’s statements warmed on each connection (decision record 0222)', () => {
  let warmed: Store;
  let plain: Store;
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementPool(openPool(), { ...preparedDefaults, warm: pollStatementsToWarm }) }) });
    warmed = createKyselyStore(db, 'postgres');
    plain = createKyselyStore(openPrepared(), 'postgres');
    if (!(await plain.findUserByEmail('owner@example.com'))) await seedDemoWithSummaries(plain);
  });
  afterAll(async () => {
    await warmed.close();
  });

  it('holds the generic plans of the log’s statements before the first poll, and a poll plans nothing more', async () => {
    // Any statement: the connection is warmed before it goes back to the pool (one connection
    // here, so the next statement waits for it).
    const reader = await warmed.findUserByEmail('owner@example.com');
    if (!reader) throw new Error('demo data');
    const logs = async () => (await preparedOn(db)).filter((r) => r.statement.includes('as read_seq'));
    const before = await logs();
    expect(before).toHaveLength(2);
    for (const statement of before) {
      // Five plans for the values, then the generic plan kept: what a poll would have paid.
      expect(Number(statement.custom_plans)).toBe(5);
      expect(Number(statement.generic_plans)).toBeGreaterThanOrEqual(1);
    }
    const { size } = await warmed.readNotificationLog(0, 0, reader.id);
    // As a poll asks: the named packages' rows without their entries, which it keeps (decision record 0241).
    const polled = await warmed.readNotificationLog(size - 1, 2_000, reader.id, []);
    const quiet = await warmed.readNotificationLog(size, 2_000, reader.id);
    expect(polled.rows).toBeDefined();
    // The warm-up changes no answer: a store without it reads the same.
    expect(polled).toEqual(await plain.readNotificationLog(size - 1, 2_000, reader.id, []));
    expect(quiet).toEqual(await plain.readNotificationLog(size, 2_000, reader.id));
    for (const statement of await logs()) {
      expect(Number(statement.custom_plans)).toBe(5);
      expect(Number(statement.generic_plans)).toBeGreaterThanOrEqual(2);
    }
  });

  it('leaves a connection whose warm-up failed serving as before', async () => {
    const db = openPrepared({ ...preparedDefaults, warm: [{ text: 'select id from no_such_table where id = $1', values: ['x'] }] });
    for (let i = 0; i < 3; i++) expect((await db.selectFrom('users').select('id').where('email', '=', 'owner@example.com').execute()).length).toBe(1);
  });
});
