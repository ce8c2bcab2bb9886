import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable-error.ts';

function pgError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

/** A port nothing listens on: bound, noted, closed. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('isDatabaseUnavailable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unavailable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises a real refused connection from node-postgres', async () => {
    const client = new pg.Client({ connectionString: `postgres://nobody@127.0.0.1:${await closedPort()}/none`, connectionTimeoutMillis: 2_000 });
    const error: unknown = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises a real SQLite lock held past the busy timeout', () => {
    const file = join(dir, 'busy.sqlite');
    const holder = new DatabaseSync(file);
    holder.exec('PRAGMA journal_mode = WAL; create table t (x integer)');
    holder.exec('begin immediate; insert into t values (1)');
    const waiter = new DatabaseSync(file);
    waiter.exec('PRAGMA busy_timeout = 0');
    let error: unknown = null;
    try {
      waiter.exec('insert into t values (2)');
    } catch (e) {
      error = e;
    } finally {
      holder.exec('rollback');
      holder.close();
      waiter.close();
    }
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is shutting down'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
    ['08001', 'sqlclient unable to establish sqlconnection'],
  ])('recognises PostgreSQL %s', (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(true);
  });

  it.each(['Connection terminated unexpectedly', 'Connection terminated due to connection timeout', 'timeout exceeded when trying to connect', 'Client has encountered a connection error and is not queryable'])(
    'recognises node-postgres saying "%s"',
    (message) => {
      expect(isDatabaseUnavailable(new Error(message))).toBe(true);
    },
  );

  it('recognises an AggregateError only when every attempt was refused', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused('::1:5432'), new Error('bug')]))).toBe(false);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', pgError('42601', 'syntax error at or near "selec"')],
    ['a serialization failure', pgError('40001', 'could not serialize access')],
    ['a SQLite constraint failure', Object.assign(new Error('UNIQUE constraint failed: t.x'), { code: 'ERR_SQLITE_ERROR', errcode: 2067 })],
    ['a fetch to another service that was refused', new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })],
    ['a plain bug', new Error('Cannot read properties of undefined')],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('does not mistake %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
