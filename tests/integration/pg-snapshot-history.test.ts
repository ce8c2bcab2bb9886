import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '#server/db/schema/schema.ts';
import { openPostgresPool } from '#server/db/pg-pool.ts';
import { rowVersionColumn, snapshotClock, snapshotColumn } from '#server/db/pg-snapshot-clock.ts';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';

// The clock's text and a row's `xmin` name a moment of one history (pg-snapshot-clock.ts, 0208).
// A point-in-time restore (or a failover to a standby behind the primary) takes the xids back,
// and the same writes afterwards reach the same raw texts with other rows behind them: a row
// kept at a text of the first history would be served for the second. The stamp and the row
// version carry the postmaster's start, so the two histories never share one. The cluster is
// this file's own: it is stopped and restored.

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgresCluster();
});

afterAll(async () => {
  await cluster.stop();
});

/** What a cached read of the probe row sees: its stamp, its row version, its body, and the raw texts the stamp and version are made from. */
async function readProbe() {
  // Its end() waits for the connection's goodbye, so the stop for the restore cannot end it first.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPostgresPool({ connectionString: cluster.url, max: 1 }) }) });
  try {
    const { rows } = await sql<{ snapshot: string; row_version: string; body: string; raw_snapshot: string; raw_xmin: string }>`
      select ${snapshotColumn}, ${rowVersionColumn}, body, pg_current_snapshot()::text as raw_snapshot, xmin::text as raw_xmin
      from history_probe where id = 1`.execute(db);
    const clockStamp = await snapshotClock(db).fresh();
    return { ...rows[0], clockStamp };
  } finally {
    await db.destroy();
  }
}

async function write(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

it('never gives a row of one history the stamp or the row version of another, after a restore that takes the xids back', async () => {
  await write(`create table history_probe (id int primary key, body text not null)`);
  await write(`insert into history_probe values (1, 'as filed')`);
  const backup = await cluster.backUp();

  // The first history: the row changed (say, tampered with), and read.
  await write(`update history_probe set body = 'tampered' where id = 1`);
  const first = await readProbe();

  // Restored to before it; the next history makes the same number of writes, with other rows.
  await backup.restore();
  await write(`update history_probe set body = 'as amended' where id = 1`);
  const second = await readProbe();

  expect(second.body).toBe('as amended');
  // The attack's premise, checked so that this test can fail: the raw texts do come back.
  expect(second.raw_snapshot).toBe(first.raw_snapshot);
  expect(second.raw_xmin).toBe(first.raw_xmin);
  // What the caches key on does not.
  expect(second.snapshot).not.toBe(first.snapshot);
  expect(second.row_version).not.toBe(first.row_version);
  expect(second.clockStamp).not.toBe(first.clockStamp);
  // Within one history the clock and the statement column are one text.
  expect(second.clockStamp).toBe(second.snapshot);
}, 120_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client once the cluster answers again (a crash restart refuses connections while it recovers). */
async function connectWhenUp(): Promise<pg.Client> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: cluster.url });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt > 120) throw error;
      await pause(250);
    }
  }
}

it('never gives a row of one history the stamp or the row version of another, after a crash restart that lost a commit others saw', async () => {
  // The cluster runs `synchronous_commit = off` (as a deployment may): a commit is visible before
  // its WAL is written. Held in memory (the WAL writer stopped) and then lost to a crash restart,
  // which keeps the postmaster and its start time, its xid is handed out again (review of 0225).
  await write(`alter system set autovacuum = off`);
  await write(`select pg_reload_conf()`);
  await write(`create table crash_probe (id int primary key, body text not null)`);
  await write(`create table crash_filler (n int)`);
  await write(`insert into crash_probe values (1, 'as filed')`);
  await write(`checkpoint`);
  const admin = await connectWhenUp();
  const { rows } = await admin.query<{ pid: number }>(`select pid from pg_stat_activity where backend_type = 'walwriter'`);
  await admin.end();
  const walWriter = rows[0]?.pid;
  if (walWriter === undefined) throw new Error('no WAL writer');

  process.kill(walWriter, 'SIGSTOP');
  let first: Awaited<ReturnType<typeof readCrashProbe>>;
  try {
    await write(`update crash_probe set body = 'tampered' where id = 1`);
    first = await readCrashProbe();
    // A backend crash: the postmaster ends every backend, resets shared memory and recovers from the WAL on disk.
    const victim = await connectWhenUp();
    const { rows: victimRows } = await victim.query<{ pid: number }>('select pg_backend_pid() as pid');
    const victimPid = victimRows[0]?.pid;
    if (victimPid === undefined) throw new Error('no backend pid');
    process.kill(victimPid, 'SIGKILL');
    await pause(300);
  } finally {
    try {
      process.kill(walWriter, 'SIGCONT');
    } catch {
      // Ended by the crash restart already.
    }
  }
  // Other writes until the raw text is the first history's again.
  let second = await readCrashProbe();
  for (let n = 0; n < 50 && second.raw_snapshot !== first.raw_snapshot; n++) {
    await write(`insert into crash_filler values (${n})`);
    second = await readCrashProbe();
  }

  // The attack's premise, checked so that this test can fail: the commit was lost and the text came back.
  expect(second.body).toBe('as filed');
  expect(second.raw_snapshot).toBe(first.raw_snapshot);
  expect(second.postmaster_start).toBe(first.postmaster_start);
  // What the caches key on does not come back.
  expect(second.snapshot).not.toBe(first.snapshot);
  expect(second.clockStamp).not.toBe(first.clockStamp);
}, 180_000);

async function readCrashProbe() {
  // The crash ends connections this pool may hold idle: lost, and replaced by the next attempt.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPostgresPool({ connectionString: cluster.url, max: 1 }, () => undefined) }) });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await sql<{ snapshot: string; body: string; raw_snapshot: string; postmaster_start: string }>`
          select ${snapshotColumn}, body, pg_current_snapshot()::text as raw_snapshot, pg_postmaster_start_time()::text as postmaster_start
          from crash_probe where id = 1`.execute(db);
        const row = rows[0];
        if (row === undefined) throw new Error('crash_probe has no row');
        return { ...row, clockStamp: await snapshotClock(db).fresh() };
      } catch (error) {
        // Refused while the cluster recovers from the crash.
        if (attempt > 120) throw error;
        await pause(250);
      }
    }
  } finally {
    await db.destroy();
  }
}
