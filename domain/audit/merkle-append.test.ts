import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../crypto/hex.ts';
import { leafHash, MerkleTree } from './merkle.ts';

// A tree grown by appends must be the tree built at once over the same leaves: every root,
// inclusion path and consistency proof, at every size, for growth in steps of any length.

const leaves = Array.from({ length: 37 }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)));
const hex = (paths: Uint8Array[]) => paths.map(bytesToHex);

function expectSameTree(grown: MerkleTree, built: MerkleTree): void {
  expect(grown.size).toBe(built.size);
  for (let size = 0; size <= built.size; size++) {
    expect(bytesToHex(grown.root(size)), `root(${size})`).toBe(bytesToHex(built.root(size)));
    for (let leaf = 0; leaf < size; leaf++) expect(hex(grown.inclusionPath(leaf, size)), `path(${leaf}, ${size})`).toEqual(hex(built.inclusionPath(leaf, size)));
    for (let old = 0; old <= size; old++) expect(hex(grown.consistencyPath(old, size)), `proof(${old}, ${size})`).toEqual(hex(built.consistencyPath(old, size)));
  }
}

describe('MerkleTree.append', () => {
  it.each([1, 2, 3, 7, 16, 33])('grows in steps of %i into the tree built at once', (step) => {
    const grown = new MerkleTree([]);
    for (let at = 0; at < leaves.length; at += step) {
      grown.append(leaves.slice(at, at + step));
      const size = Math.min(at + step, leaves.length);
      expectSameTree(grown, new MerkleTree(leaves.slice(0, size)));
    }
  });

  it('keeps what it answered for an earlier size after growing', () => {
    const tree = new MerkleTree(leaves.slice(0, 13));
    const before = { root: bytesToHex(tree.root()), path: hex(tree.inclusionPath(12)) };
    tree.append(leaves.slice(13));
    expect(bytesToHex(tree.root(13))).toBe(before.root);
    expect(hex(tree.inclusionPath(12, 13))).toEqual(before.path);
    expect(bytesToHex(tree.root())).not.toBe(before.root);
  });

  it('refuses a leaf that is not 32 bytes, naming its index', () => {
    const tree = new MerkleTree(leaves.slice(0, 3));
    expect(() => tree.append([new Uint8Array(31)])).toThrow(/Leaf hash 3 has 31 bytes/);
  });
});
