import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { preparedDefaults, preparedStatementPool } from './pg-prepared.ts';

// The warm-up of pg-prepared.ts (decision record 0222) against a pool that records what its one
// connection is sent: when a connection is warmed, and what it is released as.

const settle = () => new Promise((resolve) => setImmediate(resolve));

function recordingPool(failing = false) {
  const sent: string[] = [];
  const state = { waiting: 0 };
  const client = {
    query: (config: string | { name?: string; text: string }) => {
      const text = typeof config === 'string' ? config : config.text;
      sent.push(typeof config === 'string' ? text : `named ${text}`);
      return failing && text.startsWith('warm') ? Promise.reject(new Error('relation does not exist')) : Promise.resolve({ rows: [] });
    },
    release: (destroy?: boolean) => sent.push(`release ${String(destroy)}`),
  };
  const pool = { options: {}, connect: () => Promise.resolve(client), end: () => Promise.resolve(), get waitingCount() { return state.waiting; } } as unknown as pg.Pool;
  return { prepared: preparedStatementPool(pool, { ...preparedDefaults, warm: [{ text: 'warm $1', values: [1] }] }), sent, state };
}

describe('warmed statements', () => {
  it('are run six times on a connection at its first release no statement waits for, then never again', async () => {
    const { prepared, sent, state } = recordingPool();
    state.waiting = 1;
    const busy = await prepared.connect();
    busy.release();
    // A statement waited: released at once, not warmed.
    expect(sent).toEqual(['release false']);
    state.waiting = 0;
    const quiet = await prepared.connect();
    await quiet.query('select 1', []);
    quiet.release();
    await settle();
    expect(sent.slice(1)).toEqual(['select 1', ...Array<string>(6).fill('named warm $1'), 'release false']);
    const again = await prepared.connect();
    await again.query('warm $1', [2]);
    again.release();
    // Named from its first use, and warmed once per connection.
    expect(sent.slice(9)).toEqual(['named warm $1', 'release false']);
  });

  it('release a connection whose warm-up failed as it is, to serve as before', async () => {
    const { prepared, sent } = recordingPool(true);
    const connection = await prepared.connect();
    connection.release();
    await settle();
    expect(sent).toEqual(['named warm $1', 'release false']);
  });
});
