import { describe, expect, it } from 'vitest';
import { treeHeadType, type ConsistencyProof, type InclusionProof, type TreeHead } from '../contracts/audit.ts';
import { bytesToHex, hexToBytes } from '../crypto/hex.ts';
import { sha256Sync } from '../crypto/sha256-sync.ts';
import { MerkleTree, leafHash } from './merkle.ts';
import { verifyConsistencyProof, verifyInclusionProof } from './proofs.ts';

// Entry hashes for seq 1…13; leaf i is leafHash(entry hash of seq i + 1).
const entryHashes = Array.from({ length: 13 }, (_, index) => bytesToHex(sha256Sync(new TextEncoder().encode(`entry ${index + 1}`))));
const tree = new MerkleTree(entryHashes.map((hash) => leafHash(hexToBytes(hash))));

function headAt(treeSize: number): TreeHead {
  return { type: treeHeadType, treeSize, rootHash: bytesToHex(tree.root(treeSize)), timestamp: '2025-03-01T09:00:00.000Z' };
}

function inclusion(seq: number, treeSize: number): InclusionProof {
  return { seq, leafIndex: seq - 1, treeSize, entryHash: entryHashes[seq - 1] ?? '', path: tree.inclusionPath(seq - 1, treeSize).map(bytesToHex) };
}

function consistency(fromSize: number, toSize: number): ConsistencyProof {
  return { fromSize, toSize, path: tree.consistencyPath(fromSize, toSize).map(bytesToHex) };
}

describe('verifyInclusionProof', () => {
  it('accepts every entry of every head', () => {
    for (let size = 1; size <= 13; size++) {
      for (let seq = 1; seq <= size; seq++) expect(verifyInclusionProof(inclusion(seq, size), headAt(size)), `#${seq} in ${size}`).toBe(true);
    }
  });

  it('refuses a proof about another entry, position or tree', () => {
    const proof = inclusion(5, 13);
    expect(verifyInclusionProof({ ...proof, entryHash: entryHashes[5] ?? '' }, headAt(13))).toBe(false);
    expect(verifyInclusionProof({ ...proof, seq: 6 }, headAt(13))).toBe(false);
    expect(verifyInclusionProof({ ...proof, leafIndex: 5 }, headAt(13))).toBe(false);
    expect(verifyInclusionProof({ ...proof, seq: 6, leafIndex: 5 }, headAt(13))).toBe(false);
    expect(verifyInclusionProof(proof, headAt(12))).toBe(false);
    expect(verifyInclusionProof({ ...proof, treeSize: 12 }, headAt(12))).toBe(false);
    expect(verifyInclusionProof(proof, { ...headAt(13), rootHash: bytesToHex(tree.root(12)) })).toBe(false);
  });

  it('refuses a changed path', () => {
    const proof = inclusion(5, 13);
    expect(verifyInclusionProof({ ...proof, path: proof.path.slice(1) }, headAt(13))).toBe(false);
    expect(verifyInclusionProof({ ...proof, path: [...proof.path].reverse() }, headAt(13))).toBe(false);
    expect(verifyInclusionProof({ ...proof, path: proof.path.map((node, index) => (index === 1 ? `f${node.slice(1)}` : node)) }, headAt(13))).toBe(false);
  });

  it('returns false, never throws, for malformed hex', () => {
    const proof = inclusion(5, 13);
    expect(verifyInclusionProof({ ...proof, entryHash: 'XYZ' }, headAt(13))).toBe(false);
    expect(verifyInclusionProof({ ...proof, path: ['0'] }, headAt(13))).toBe(false);
    expect(verifyInclusionProof({ ...proof, path: [proof.path[0]?.toUpperCase() ?? ''] }, headAt(13))).toBe(false);
    expect(verifyInclusionProof(proof, { ...headAt(13), rootHash: 'zz' })).toBe(false);
  });
});

describe('verifyConsistencyProof', () => {
  it('accepts every earlier head against every later one', () => {
    for (let toSize = 1; toSize <= 13; toSize++) {
      for (let fromSize = 1; fromSize <= toSize; fromSize++) {
        expect(verifyConsistencyProof(consistency(fromSize, toSize), headAt(fromSize), headAt(toSize)), `${fromSize} → ${toSize}`).toBe(true);
      }
    }
  });

  it('refuses a proof for other sizes than the heads', () => {
    expect(verifyConsistencyProof(consistency(4, 13), headAt(5), headAt(13))).toBe(false);
    expect(verifyConsistencyProof(consistency(4, 12), headAt(4), headAt(13))).toBe(false);
    expect(verifyConsistencyProof({ ...consistency(4, 13), fromSize: 5 }, headAt(4), headAt(13))).toBe(false);
  });

  it('refuses heads that do not extend each other', () => {
    const rewritten = { ...headAt(13), rootHash: bytesToHex(sha256Sync(new Uint8Array([1]))) };
    expect(verifyConsistencyProof(consistency(6, 13), headAt(6), rewritten)).toBe(false);
    expect(verifyConsistencyProof(consistency(6, 13), headAt(13), headAt(6))).toBe(false);
  });

  it('returns false, never throws, for malformed hex', () => {
    expect(verifyConsistencyProof({ ...consistency(6, 13), path: ['nothex'] }, headAt(6), headAt(13))).toBe(false);
    expect(verifyConsistencyProof(consistency(6, 13), { ...headAt(6), rootHash: '' }, headAt(13))).toBe(false);
  });
});
