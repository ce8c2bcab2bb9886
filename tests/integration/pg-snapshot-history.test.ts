import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '#server/db/schema/schema.ts';
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
  const pool = new pg.Pool({ connectionString: cluster.url, max: 1 });
  // The pool's end does not wait for its connection's goodbye: the stop for the restore can end it first.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
