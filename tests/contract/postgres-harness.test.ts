// Proves the harness itself: the global setup provides a reachable server, and a
// per-file database can be created, used and dropped.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.ts';

describe('postgres test harness', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseUrl'));
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('connects to a PostgreSQL server', async () => {
    const result = await client.query<{ version: string }>('select version()');
    expect(result.rows[0]?.version).toMatch(/^PostgreSQL \d+/);
  });

  it('is connected to the freshly created database, not the admin one', async () => {
    const result = await client.query<{ name: string }>('select current_database() as name');
    expect(result.rows[0]?.name).toMatch(/^test_/);
    expect(database.url).toContain(`/${result.rows[0]?.name ?? ''}`);
  });

  it('round-trips rows through a table', async () => {
    await client.query('create table widget (id integer primary key, name text not null)');
    await client.query('insert into widget (id, name) values ($1, $2), ($3, $4)', [1, 'ä-unicode', 2, 'plain']);
    const result = await client.query<{ id: number; name: string }>('select id, name from widget order by id');
    expect(result.rows).toEqual([
      { id: 1, name: 'ä-unicode' },
      { id: 2, name: 'plain' },
    ]);
  });
});
