import { describe, expect, it } from 'vitest';
import { snapshotCache } from './pg-snapshot-clock.ts';

// The cache PostgreSQL's reads keep under the snapshot's text (0208): a row is kept only when the
// statement that read it had the cache's text, and anything asked with another text empties it first.

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
});
