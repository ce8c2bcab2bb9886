// Inclusion and consistency proofs as the API sends them (hex), checked against tree heads.
// Every check a verifier needs is here, so a proof that is well-formed but about another
// entry, another position or another tree is refused, not just one whose hashes are wrong.
import type { ConsistencyProof, InclusionProof, TreeHead } from '../contracts/audit.ts';
import { hexToBytes } from '../crypto/hex.ts';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.ts';

/** The entry (its entryHash, at leaf seq - 1) is in the tree the head commits to. False for anything malformed. */
export function verifyInclusionProof(proof: InclusionProof, head: TreeHead): boolean {
  try {
    if (proof.leafIndex !== proof.seq - 1 || proof.treeSize !== head.treeSize) return false;
    return verifyInclusion({
      leafIndex: proof.leafIndex,
      treeSize: proof.treeSize,
      leafHash: leafHash(hexToBytes(proof.entryHash)),
      path: proof.path.map(hexToBytes),
      rootHash: hexToBytes(head.rootHash),
    });
  } catch {
    return false;
  }
}

/** The new head's tree only appends to the old head's. False for anything malformed. */
export function verifyConsistencyProof(proof: ConsistencyProof, oldHead: TreeHead, newHead: TreeHead): boolean {
  try {
    if (proof.fromSize !== oldHead.treeSize || proof.toSize !== newHead.treeSize) return false;
    return verifyConsistency({
      oldSize: oldHead.treeSize,
      newSize: newHead.treeSize,
      oldRoot: hexToBytes(oldHead.rootHash),
      newRoot: hexToBytes(newHead.rootHash),
      path: proof.path.map(hexToBytes),
    });
  } catch {
    return false;
  }
}
