import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import pg from 'pg';
import { readJsonColumnsWithParseJson } from '#server/db/pg-json-columns.ts';

// node-postgres reads a json column with V8's JSON.parse unless told otherwise, and V8 misreads
// an escaped key after an object that had a key holding a backslash in its place (docs/decisions/0237).
// The store reads its json columns (json_agg) with parseJson; this reads one such column from
// the shared cluster (nothing is written).

let client: pg.Client;

beforeAll(async () => {
  readJsonColumnsWithParseJson();
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

it('reads every key of a json and a jsonb column as the database holds it', async () => {
  // Members of one object, each first key one no other object has: V8 expects one key after it.
  const json = String.raw`{"one":{"first-pg-json":1,"\\":0},"two":{"first-pg-json":1,"\"":2},"three":{"first-pg-json":1,"\n":3}}`;
  // jsonb writes an object's keys shortest first, so the one-letter key comes before the others.
  const jsonb = String.raw`{"one":{"Q":1,"a\\":0},"two":{"Q":1,"a\"":2}}`;
  const { rows } = await client.query<{ json: Record<string, object>; jsonb: Record<string, object> }>('select $1::json as json, $2::jsonb as jsonb', [json, jsonb]);
  const [row] = rows;
  expect(Object.values(row?.json ?? {}).map((member) => Object.keys(member))).toEqual([
    ['first-pg-json', '\\'],
    ['first-pg-json', '"'],
    ['first-pg-json', '\n'],
  ]);
  expect(Object.values(row?.jsonb ?? {}).map((member) => Object.keys(member))).toEqual([
    ['Q', 'a\\'],
    ['Q', 'a"'],
  ]);
});
