import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';

// The claim PostgreSQL's change clock rests on (server/db/pg-snapshot-clock.ts, decision record
// 0208), checked on a real server: the text of `pg_current_snapshot()` moves when any write
// transaction commits (or aborts), by any connection, triggers disabled included, and does not
// move for reads. The cluster is this file's own: xids are cluster-wide, so writes by other test
// files on the shared cluster would move it too, and "a read leaves it alone" could not be tested there.

let cluster: PostgresCluster;
const clients: pg.Client[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
});

afterAll(async () => {
  for (const client of clients) await client.end();
  await cluster.stop();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  clients.push(client);
  return client;
}

const snapshot = async (client: pg.Client): Promise<string> => ((await client.query<{ s: string }>('select pg_current_snapshot()::text as s')).rows[0] as { s: string }).s;

describe('pg_current_snapshot() as a change clock', () => {
  it('stays put for reads, moves for every write that ends, whoever makes it, and never comes back to an earlier text', async () => {
    const reader = await connect();
    const writer = await connect();
    await writer.query('create table clock_probe (id int primary key, body text not null)');
    await writer.query(`insert into clock_probe values (1, 'original')`);
    // A trigger that refuses UPDATEs, as the append-only tables have: the tamperer disables it.
    await writer.query(`create function clock_probe_refuse() returns trigger language plpgsql as $$ begin raise exception 'append-only'; end $$`);
    await writer.query('create trigger clock_probe_no_update before update on clock_probe for each row execute function clock_probe_refuse()');
    const seen: string[] = [];

    const quiet = await snapshot(reader);
    seen.push(quiet);
    // Reads, in and out of explicit transactions, by both connections: no xid, no move.
    await writer.query('select * from clock_probe');
    await writer.query('begin');
    await writer.query('select count(*) from clock_probe');
    await writer.query('commit');
    await writer.query('begin read only');
    await writer.query('select body from clock_probe where id = 1');
    await writer.query('commit');
    expect(await snapshot(reader)).toBe(quiet);
    expect(await snapshot(writer)).toBe(quiet);

    // A committed UPDATE by another connection, the trigger disabled first (a tamperer with the database).
    await writer.query('alter table clock_probe disable trigger user');
    const afterDdl = await snapshot(reader);
    expect(afterDdl).not.toBe(quiet);
    seen.push(afterDdl);
    await writer.query(`update clock_probe set body = 'tampered' where id = 1`);
    const afterUpdate = await snapshot(reader);
    expect(afterUpdate).not.toBe(afterDdl);
    seen.push(afterUpdate);

    // A write in progress while the reader takes its stamp: the commit moves the text again.
    await writer.query('begin');
    await writer.query(`update clock_probe set body = 'original' where id = 1`);
    const during = await snapshot(reader);
    expect((await reader.query<{ body: string }>('select body from clock_probe where id = 1')).rows[0]?.body).toBe('tampered');
    await writer.query('commit');
    const afterCommit = await snapshot(reader);
    expect(afterCommit).not.toBe(during);
    seen.push(during, afterCommit);

    // An older transaction still in progress when a younger one commits: both ends move it.
    const third = await connect();
    await third.query('begin');
    await third.query(`insert into clock_probe values (2, 'slow')`);
    await writer.query(`update clock_probe set body = 'younger' where id = 1`);
    const olderOpen = await snapshot(reader);
    expect(olderOpen).not.toBe(afterCommit);
    await third.query('commit');
    const olderDone = await snapshot(reader);
    expect(olderDone).not.toBe(olderOpen);
    seen.push(olderOpen, olderDone);

    // An aborted write moves it too (harmless: one more emptying).
    await writer.query('begin');
    await writer.query(`update clock_probe set body = 'never' where id = 1`);
    await writer.query('rollback');
    const afterRollback = await snapshot(reader);
    expect(afterRollback).not.toBe(olderDone);
    seen.push(afterRollback);

    // Reads again: still.
    await third.query('select * from clock_probe');
    expect(await snapshot(reader)).toBe(afterRollback);
    // No text came back (xmax only grows; at one xmax the in-progress list only shrinks).
    const runs = seen.filter((text, i) => i === 0 || seen[i - 1] !== text);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it('is the snapshot the rows of the same statement were read at', async () => {
    const reader = await connect();
    const writer = await connect();
    await writer.query('create table clock_rows (id int primary key, body text not null)');
    await writer.query(`insert into clock_rows values (1, 'one')`);
    const [row] = (await reader.query<{ body: string; s: string }>('select body, pg_current_snapshot()::text as s from clock_rows where id = 1')).rows;
    expect(row?.s).toBe(await snapshot(reader));
    await writer.query(`update clock_rows set body = 'two' where id = 1`);
    const [later] = (await reader.query<{ body: string; s: string }>('select body, pg_current_snapshot()::text as s from clock_rows where id = 1')).rows;
    expect(later?.body).toBe('two');
    expect(later?.s).not.toBe(row?.s);
  });
});
