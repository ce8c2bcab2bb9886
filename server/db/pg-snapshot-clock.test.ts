import { describe, expect, it } from 'vitest';
import { postgresKeptVersionBound } from '#api/packages/answer-bytes.ts';
import { snapshotCache } from './pg-snapshot-clock.ts';

// The cache PostgreSQL's reads keep under the snapshot's text (0208): a row is kept only when the
// statement that read it had the cache's text, anything asked with another text empties it first,
// and version content is kept up to a bound in characters.

describe('snapshotCache', () => {
  it('keeps a row only under its own statement’s text, and drops everything for any other text', () => {
    const cache = snapshotCache();
    expect(cache.get('10:12:', 'package', 'p1')).toBeUndefined();
    cache.keep('10:11:', 'package', 'p1', { id: 'p1', at: 'older statement' });
    expect(cache.get('10:12:', 'package', 'p1')).toBeUndefined();
    const row = { id: 'p1', tags: ['a'] };
    cache.keep('10:12:', 'package', 'p1', row);
    expect(cache.get('10:12:', 'package', 'p1')).toBe(row);
    expect(Object.isFrozen(row.tags)).toBe(true);
    // Another text, later or earlier: nothing kept is answered, and it stays dropped.
    expect(cache.get('10:13:', 'package', 'p1')).toBeUndefined();
    expect(cache.get('10:12:', 'package', 'p1')).toBeUndefined();
  });

  it('stops keeping version content past its bound until the text moves', () => {
    const cache = snapshotCache();
    cache.get('1:2:', 'version', 'a');
    // Over half the bound each: the second does not fit beside the first.
    const big = Math.ceil(postgresKeptVersionBound * 0.6);
    cache.keep('1:2:', 'version', 'a', { n: 1 }, big);
    cache.keep('1:2:', 'version', 'b', { n: 2 }, big);
    expect(cache.get('1:2:', 'version', 'a')).toEqual({ n: 1 });
    expect(cache.get('1:2:', 'version', 'b')).toBeUndefined();
    cache.get('1:3:', 'version', 'a');
    cache.keep('1:3:', 'version', 'b', { n: 2 }, big);
    expect(cache.get('1:3:', 'version', 'b')).toEqual({ n: 2 });
  });

  it('counts a version kept by several callers once against the bound (review of 0208, L3)', () => {
    const cache = snapshotCache();
    cache.get('1:2:', 'version', 'a');
    // Counted twice, 'a' would leave no room for 'b'; counted once, it does.
    const big = Math.ceil(postgresKeptVersionBound * 0.6);
    cache.keep('1:2:', 'version', 'a', { n: 1 }, big);
    cache.keep('1:2:', 'version', 'a', { n: 1 }, big);
    cache.keep('1:2:', 'version', 'b', { n: 2 }, Math.floor(postgresKeptVersionBound * 0.3));
    expect(cache.get('1:2:', 'version', 'b')).toEqual({ n: 2 });
  });
});
