import { describe, expect, it } from 'vitest';
import { sha256Sync } from '../crypto/sha256-sync.ts';
import { LogEdge } from './log-edge.ts';
import { leafHash, MerkleTree } from './merkle.ts';

const data = (i: number) => sha256Sync(new TextEncoder().encode(`entry ${i}`));
const treeOf = (n: number) => new MerkleTree(Array.from({ length: n }, (_, i) => leafHash(data(i))));

describe('the right edge of a log', () => {
  it('extended leaf by leaf, has the root and the last audit path of the whole tree, from every starting size', () => {
    const whole = treeOf(70);
    for (const start of [1, 2, 3, 4, 5, 7, 8, 13, 16, 31, 32, 33]) {
      const edge = LogEdge.proven({ size: start, lastData: data(start - 1), path: whole.inclusionPath(start - 1, start), rootHash: whole.root(start) });
      expect(edge).not.toBeNull();
      for (let n = start + 1; n <= 70; n++) {
        edge?.append(leafHash(data(n - 1)));
        expect(edge?.size).toBe(n);
        expect(edge?.root()).toEqual(whole.root(n));
        expect(edge?.path()).toEqual(whole.inclusionPath(n - 1, n));
      }
    }
  });

  it('is refused when its last leaf, its path or its size is not the signed tree’s', () => {
    const tree = treeOf(11);
    const path = tree.inclusionPath(10, 11);
    const good = { size: 11, lastData: data(10), path, rootHash: tree.root() };
    expect(LogEdge.proven(good)).not.toBeNull();
    expect(LogEdge.proven({ ...good, lastData: data(9) })).toBeNull();
    expect(LogEdge.proven({ ...good, size: 12 })).toBeNull();
    expect(LogEdge.proven({ ...good, path: [...path.slice(1), path[0] ?? new Uint8Array(32)] })).toBeNull();
    expect(LogEdge.proven({ ...good, rootHash: tree.root(10) })).toBeNull();
    expect(LogEdge.proven({ ...good, size: 0 })).toBeNull();
  });
});
