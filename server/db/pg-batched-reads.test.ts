import { describe, expect, it } from 'vitest';
import { batched } from './pg-batched-reads.ts';

// The batching under PostgreSQL's hot reads: lookups asked in one turn of the event loop go
// out as one read of their distinct keys; a later turn is a new read (nothing is kept).

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function counted(rows: Record<string, { name: string }>) {
  // Mutable rows, as a handler might hold them.
  const reads: string[][] = [];
  const find = batched(
    (key: string) => key,
    (keys) => {
      reads.push(keys);
      return Promise.resolve(new Map(keys.flatMap((key) => (rows[key] ? [[key, { ...rows[key] }] as const] : []))));
    },
    null,
    (row) => ({ ...row }),
  );
  return { find, reads };
}

describe('batched reads', () => {
  it('sends the distinct keys asked in one turn as one read, and answers each caller', async () => {
    const { find, reads } = counted({ a: { name: 'A' }, b: { name: 'B' } });
    const answers = await Promise.all([find('a'), find('b'), find('a'), find('missing')]);
    expect(answers).toEqual([{ name: 'A' }, { name: 'B' }, { name: 'A' }, null]);
    expect(reads).toEqual([['a', 'b', 'missing']]);
  });

  it('reads again in a later turn: a row changed in between shows', async () => {
    const rows = { a: { name: 'A' } };
    const { find, reads } = counted(rows);
    expect(await find('a')).toEqual({ name: 'A' });
    rows.a = { name: 'changed' };
    await nextTurn();
    expect(await find('a')).toEqual({ name: 'changed' });
    expect(reads).toEqual([['a'], ['a']]);
  });

  it('gives callers of the same key their own copy, so one cannot change what another reads', async () => {
    const { find } = counted({ a: { name: 'A' } });
    const [first, second] = (await Promise.all([find('a'), find('a')])) as ({ name: string } | null)[];
    if (!first || !second) throw new Error('both found');
    first.name = 'changed by one handler';
    expect(second.name).toBe('A');
  });

  it('fails every caller of a failed read, and the next turn reads afresh', async () => {
    let fail = true;
    const find = batched(
      (key: string) => key,
      (keys) => (fail ? Promise.reject(new Error('connection lost')) : Promise.resolve(new Map(keys.map((key) => [key, key])))),
      null,
      (value) => value,
    );
    const results = await Promise.allSettled([find('a'), find('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await find('a')).toBe('a');
  });

  it('splits a turn of more than 500 keys into several reads', async () => {
    const reads: number[] = [];
    const find = batched(
      (key: number) => String(key),
      (keys) => {
        reads.push(keys.length);
        return Promise.resolve(new Map(keys.map((key) => [String(key), key])));
      },
      null,
      (value) => value,
    );
    const answers = await Promise.all(Array.from({ length: 1_200 }, (_, i) => find(i)));
    expect(answers[1_199]).toBe(1_199);
    expect(reads).toEqual([500, 500, 200]);
  });
});
