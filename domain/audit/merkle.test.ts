import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../crypto/hex.ts';
import { sha256Sync } from '../crypto/sha256-sync.ts';
import vectors from './fixtures/rfc6962-vectors.json' with { type: 'json' };
import { MerkleTree, emptyRoot, leafHash, nodeHash, verifyConsistency, verifyInclusion } from './merkle.ts';

// RFC 6962 §2.1, written as plainly as the RFC states it, to check the tree against.
function referenceRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256Sync(new Uint8Array());
  if (leaves.length === 1) return leaves[0] ?? new Uint8Array();
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

function leavesOf(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, index) => leafHash(new TextEncoder().encode(`entry ${index}`)));
}

function flipped(hash: Uint8Array, byte: number): Uint8Array {
  const copy = hash.slice();
  copy[byte] = (copy[byte] ?? 0) ^ 0x08;
  return copy;
}

const fixtureLeaves = vectors.leaves_hex.map((hex) => leafHash(hexToBytes(hex)));
const fixtureTree = new MerkleTree(fixtureLeaves);
// The published roots, not ours: the proofs are checked against the vectors alone.
function fixtureRoot(size: number): Uint8Array {
  const root = (vectors.root_after_n_leaves as Record<string, string | undefined>)[String(size)];
  if (root === undefined) throw new Error(`The vectors have no root for ${size} leaves`);
  return hexToBytes(root);
}
const hexes = (path: readonly Uint8Array[]): string[] => path.map(bytesToHex);

describe('leafHash, nodeHash and emptyRoot', () => {
  it('prefix leaves with 0x00 and nodes with 0x01 (RFC 6962 §2.1)', () => {
    const a = new Uint8Array(32).fill(0xaa);
    const b = new Uint8Array(32).fill(0xbb);
    expect(leafHash(a)).toEqual(sha256Sync(new Uint8Array([0x00, ...a])));
    expect(nodeHash(a, b)).toEqual(sha256Sync(new Uint8Array([0x01, ...a, ...b])));
    expect(nodeHash(a.subarray(0, 3), b)).toEqual(sha256Sync(new Uint8Array([0x01, ...a.subarray(0, 3), ...b])));
    expect(bytesToHex(emptyRoot())).toBe(vectors.empty_tree_root);
  });
});

describe('RFC 6962 test vectors', () => {
  it('gives the published root after each number of leaves', () => {
    expect(bytesToHex(fixtureTree.root(0))).toBe(vectors.empty_tree_root);
    expect(bytesToHex(new MerkleTree([]).root())).toBe(vectors.empty_tree_root);
    for (const [size, root] of Object.entries(vectors.root_after_n_leaves)) {
      expect(bytesToHex(fixtureTree.root(Number(size))), `root(${size})`).toBe(root);
      expect(bytesToHex(new MerkleTree(fixtureLeaves.slice(0, Number(size))).root()), `tree of ${size}`).toBe(root);
    }
  });

  it('gives and verifies the published inclusion proofs', () => {
    for (const vector of vectors.inclusion_proofs) {
      const label = `leaf ${vector.leaf_index} of ${vector.tree_size}`;
      expect(hexes(fixtureTree.inclusionPath(vector.leaf_index, vector.tree_size)), label).toEqual(vector.proof);
      expect(verifyInclusion(inclusionInput(vector)), label).toBe(true);
    }
  });

  it('gives and verifies the published consistency proofs', () => {
    for (const vector of vectors.consistency_proofs) {
      const label = `${vector.size1} → ${vector.size2}`;
      expect(hexes(fixtureTree.consistencyPath(vector.size1, vector.size2)), label).toEqual(vector.proof);
      expect(verifyConsistency(consistencyInput(vector)), label).toBe(true);
    }
  });

  // The probes transparency-dev/merkle runs on every valid inclusion proof; each must fail.
  it('refuses every corrupted inclusion proof', () => {
    const someHash = sha256Sync(new TextEncoder().encode('some other hash'));
    for (const vector of vectors.inclusion_proofs) {
      const valid = inclusionInput(vector);
      const { path, rootHash, leafIndex, treeSize } = valid;
      const probes: Record<string, Parameters<typeof verifyInclusion>[0]> = {
        'leafIndex-1': { ...valid, leafIndex: leafIndex - 1 },
        'leafIndex+1': { ...valid, leafIndex: leafIndex + 1 },
        'leafIndex^2': { ...valid, leafIndex: leafIndex ^ 2 },
        'treeSize*2': { ...valid, treeSize: treeSize * 2 },
        'treeSize/2': { ...valid, treeSize: Math.floor(treeSize / 2) },
        'wrong leaf': { ...valid, leafHash: new TextEncoder().encode('WrongLeaf') },
        'empty root': { ...valid, rootHash: emptyRoot() },
        'random root': { ...valid, rootHash: someHash },
        'trailing garbage': { ...valid, path: [...path, new Uint8Array()] },
        'trailing root': { ...valid, path: [...path, rootHash] },
        'preceding garbage': { ...valid, path: [new Uint8Array(), ...path] },
        'preceding root': { ...valid, path: [rootHash, ...path] },
        'removed component': { ...valid, path: path.slice(0, -1) },
        'inserted component': { ...valid, path: [...path.slice(0, 1), someHash, ...path.slice(1)] },
      };
      path.forEach((_, index) => {
        probes[`flip bit in any proof element (${index})`] = { ...valid, path: path.map((node, at) => (at === index ? flipped(node, 0) : node)) };
      });
      const covered = new Set(Object.keys(probes).map((name) => name.replace(/ \(\d+\)$/, '')));
      for (const name of vectors.corruption_probes_that_must_fail.filter((probe) => !probe.startsWith('consistency:'))) {
        expect(covered.has(name), `probe "${name}" is run`).toBe(true);
      }
      for (const [name, probe] of Object.entries(probes)) {
        expect(verifyInclusion(probe), `${name} on leaf ${leafIndex} of ${treeSize}`).toBe(false);
      }
    }
  });

  it('refuses every corrupted consistency proof', () => {
    for (const vector of vectors.consistency_proofs) {
      const valid = consistencyInput(vector);
      const { path, oldRoot, newRoot, oldSize, newSize } = valid;
      const probes: Record<string, Parameters<typeof verifyConsistency>[0]> = {
        'consistency: swapped roots': { ...valid, oldRoot: newRoot, newRoot: oldRoot },
        'consistency: empty proof': { ...valid, path: [] },
        'consistency: size1>size2': { ...valid, oldSize: newSize, newSize: oldSize },
        'trailing root': { ...valid, path: [...path, newRoot] },
        'preceding root': { ...valid, path: [oldRoot, ...path] },
        'removed component': { ...valid, path: path.slice(0, -1) },
        'garbage component': { ...valid, path: [...path.slice(0, -1), new Uint8Array(5)] },
      };
      path.forEach((_, index) => {
        probes[`flip bit in proof element ${index}`] = { ...valid, path: path.map((node, at) => (at === index ? flipped(node, 31) : node)) };
      });
      for (const name of vectors.corruption_probes_that_must_fail.filter((probe) => probe.startsWith('consistency:'))) {
        expect(name in probes, `probe "${name}" is run`).toBe(true);
      }
      for (const [name, probe] of Object.entries(probes)) {
        expect(verifyConsistency(probe), `${name} on ${oldSize} → ${newSize}`).toBe(false);
      }
    }
  });
});

describe('MerkleTree, for every size up to 70', () => {
  const leaves = leavesOf(70);
  const tree = new MerkleTree(leaves);

  it('has the RFC 6962 root for every prefix, as a whole tree and as a prefix of a bigger one', () => {
    for (let size = 0; size <= 70; size++) {
      const expected = bytesToHex(referenceRoot(leaves.slice(0, size)));
      expect(bytesToHex(tree.root(size)), `root(${size})`).toBe(expected);
      expect(bytesToHex(new MerkleTree(leaves.slice(0, size)).root()), `tree of ${size}`).toBe(expected);
    }
  });

  it('after truncate(size), is the tree of the first size leaves, and appends on from there as that tree would', () => {
    const others = leavesOf(70).map((leaf) => flipped(leaf, 0));
    for (let size = 0; size <= 40; size++) {
      const cut = new MerkleTree(leaves.slice(0, size));
      // Leaves that do not belong, then dropped: the root, paths and proofs must not remember them.
      cut.append(others.slice(0, 70 - size));
      cut.truncate(size);
      expect(cut.size).toBe(size);
      expect(bytesToHex(size === 0 ? referenceRoot([]) : cut.root()), `root after truncate(${size})`).toBe(bytesToHex(referenceRoot(leaves.slice(0, size))));
      cut.append(leaves.slice(size, 70));
      expect(bytesToHex(cut.root()), `root of 70 after truncate(${size})`).toBe(bytesToHex(tree.root()));
      expect(hexes(cut.inclusionPath(size === 0 ? 0 : size - 1, 70))).toEqual(hexes(tree.inclusionPath(size === 0 ? 0 : size - 1, 70)));
    }
    expect(() => new MerkleTree(leaves.slice(0, 3)).truncate(4)).toThrow(RangeError);
  });

  it('proves every leaf included, and a flipped byte anywhere in the path fails', () => {
    for (let size = 1; size <= 70; size++) {
      const rootHash = tree.root(size);
      for (let leafIndex = 0; leafIndex < size; leafIndex++) {
        const path = tree.inclusionPath(leafIndex, size);
        const input = { leafIndex, treeSize: size, leafHash: leaves[leafIndex] ?? new Uint8Array(), path, rootHash };
        expect(verifyInclusion(input), `leaf ${leafIndex} of ${size}`).toBe(true);
        for (let element = 0; element < path.length; element++) {
          const bad = path.map((node, at) => (at === element ? flipped(node, element % 32) : node));
          expect(verifyInclusion({ ...input, path: bad }), `leaf ${leafIndex} of ${size}, element ${element} flipped`).toBe(false);
        }
        if (size > 1) {
          const otherLeaf = leaves[(leafIndex + 1) % size] ?? new Uint8Array();
          expect(verifyInclusion({ ...input, leafHash: otherLeaf }), `leaf ${leafIndex} of ${size}, other leaf`).toBe(false);
        }
      }
    }
  });

  it('proves every prefix consistent with every later size up to 40, and fails for a wrong old root', () => {
    for (let newSize = 1; newSize <= 40; newSize++) {
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        const input = { oldSize, newSize, oldRoot: tree.root(oldSize), newRoot: tree.root(newSize), path: tree.consistencyPath(oldSize, newSize) };
        expect(verifyConsistency(input), `${oldSize} → ${newSize}`).toBe(true);
        const wrongOldRoot = tree.root(oldSize === 1 ? 2 : oldSize - 1);
        expect(verifyConsistency({ ...input, oldRoot: wrongOldRoot }), `${oldSize} → ${newSize}, wrong old root`).toBe(false);
        expect(verifyConsistency({ ...input, newRoot: flipped(input.newRoot, 7) }), `${oldSize} → ${newSize}, wrong new root`).toBe(false);
      }
    }
  });

  it('treats the empty tree as consistent with any tree, given the empty root and no path', () => {
    expect(tree.consistencyPath(0, 9)).toEqual([]);
    expect(verifyConsistency({ oldSize: 0, newSize: 9, oldRoot: emptyRoot(), newRoot: tree.root(9), path: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 0, newSize: 9, oldRoot: tree.root(3), newRoot: tree.root(9), path: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 0, newSize: 9, oldRoot: emptyRoot(), newRoot: tree.root(9), path: [tree.root(3)] })).toBe(false);
  });

  it('needs equal roots and no path for equal sizes', () => {
    expect(tree.consistencyPath(12, 12)).toEqual([]);
    expect(verifyConsistency({ oldSize: 12, newSize: 12, oldRoot: tree.root(12), newRoot: tree.root(12), path: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 12, newSize: 12, oldRoot: tree.root(12), newRoot: tree.root(11), path: [] })).toBe(false);
    expect(verifyConsistency({ oldSize: 12, newSize: 12, oldRoot: tree.root(12), newRoot: tree.root(12), path: [tree.root(1)] })).toBe(false);
  });

  it('hands out copies, so changing a returned hash does not change the tree', () => {
    const before = bytesToHex(tree.root());
    tree.root().fill(0);
    tree.inclusionPath(0).forEach((node) => node.fill(0));
    tree.consistencyPath(3).forEach((node) => node.fill(0));
    expect(bytesToHex(tree.root())).toBe(before);
    expect(verifyInclusion({ leafIndex: 0, treeSize: 70, leafHash: leaves[0] ?? new Uint8Array(), path: tree.inclusionPath(0), rootHash: tree.root() })).toBe(true);
  });

  it('throws RangeError for sizes and indices outside the tree', () => {
    expect(() => tree.root(71)).toThrow(RangeError);
    expect(() => tree.root(-1)).toThrow(RangeError);
    expect(() => tree.root(1.5)).toThrow(RangeError);
    expect(() => tree.inclusionPath(70)).toThrow(RangeError);
    expect(() => tree.inclusionPath(5, 5)).toThrow(RangeError);
    expect(() => tree.inclusionPath(-1)).toThrow(RangeError);
    expect(() => tree.inclusionPath(0, 0)).toThrow(RangeError);
    expect(() => tree.consistencyPath(5, 4)).toThrow(RangeError);
    expect(() => tree.consistencyPath(5, 71)).toThrow(RangeError);
    expect(() => tree.consistencyPath(-1)).toThrow(RangeError);
    expect(() => new MerkleTree([new Uint8Array(31)])).toThrow(RangeError);
  });
});

describe('verifyInclusion and verifyConsistency on malformed input', () => {
  const tree = new MerkleTree(leavesOf(5));
  const valid = { leafIndex: 2, treeSize: 5, leafHash: leavesOf(5)[2] ?? new Uint8Array(), path: tree.inclusionPath(2), rootHash: tree.root() };

  it('return false, never throw', () => {
    expect(verifyInclusion(valid)).toBe(true);
    expect(verifyInclusion({ ...valid, leafIndex: Number.NaN })).toBe(false);
    expect(verifyInclusion({ ...valid, treeSize: 0 })).toBe(false);
    expect(verifyInclusion({ ...valid, treeSize: 2 ** 60 })).toBe(false);
    expect(verifyInclusion({ ...valid, rootHash: new Uint8Array(31) })).toBe(false);
    expect(verifyInclusion({ ...valid, path: [null, ...valid.path] as unknown as Uint8Array[] })).toBe(false);
    expect(verifyInclusion(null as unknown as Parameters<typeof verifyInclusion>[0])).toBe(false);
    expect(verifyConsistency({ oldSize: 2, newSize: Number.POSITIVE_INFINITY, oldRoot: tree.root(2), newRoot: tree.root(), path: tree.consistencyPath(2) })).toBe(false);
    expect(verifyConsistency(undefined as unknown as Parameters<typeof verifyConsistency>[0])).toBe(false);
  });
});

function inclusionInput(vector: { leaf_index: number; tree_size: number; proof: string[] }): Parameters<typeof verifyInclusion>[0] {
  return {
    leafIndex: vector.leaf_index,
    treeSize: vector.tree_size,
    leafHash: fixtureLeaves[vector.leaf_index] ?? new Uint8Array(),
    path: vector.proof.map(hexToBytes),
    rootHash: fixtureRoot(vector.tree_size),
  };
}

function consistencyInput(vector: { size1: number; size2: number; proof: string[] }): Parameters<typeof verifyConsistency>[0] {
  return {
    oldSize: vector.size1,
    newSize: vector.size2,
    oldRoot: fixtureRoot(vector.size1),
    newRoot: fixtureRoot(vector.size2),
    path: vector.proof.map(hexToBytes),
  };
}
