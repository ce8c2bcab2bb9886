// The right edge of an RFC 6962 tree: its last leaf and the compact range of every leaf before
// it (the perfect subtrees of [0, size - 1), largest first). That is all a verifier needs to
// keep to extend a tree it checked: appending leaves to it gives the root of the longer tree
// without the old leaves, so a browser that verified a million entries once checks only the
// entries added since (docs/decisions/0125).
//
// The last leaf's RFC 6962 audit path in a tree of `size` leaves is exactly that compact range,
// smallest subtree first, so the edge is stored as (last entry hash, its inclusion path) and
// proven against the signed root with verifyInclusion before it is trusted.
import { leafHash, nodeHash, verifyInclusion } from './merkle.ts';

interface Node {
  /** Leaves under the node: a power of two. */
  width: number;
  hash: Uint8Array;
}

/** The perfect subtrees of [0, n), largest first: one per set bit of n. */
function widthsOf(n: number): number[] {
  const widths: number[] = [];
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(n, 1))); bit >= 1; bit /= 2) {
    if (Math.floor(n / bit) % 2 === 1) widths.push(bit);
  }
  return widths;
}

export class LogEdge {
  readonly #left: Node[];
  #last: Uint8Array;
  #size: number;

  private constructor(size: number, last: Uint8Array, left: Node[]) {
    this.#size = size;
    this.#last = last;
    this.#left = left;
  }

  /**
   * The edge of a tree of `size` leaves whose last leaf has data `lastData` (the entry hash)
   * and audit path `path`, if that path proves it against `rootHash`; null otherwise.
   */
  static proven(input: { size: number; lastData: Uint8Array; path: readonly Uint8Array[]; rootHash: Uint8Array }): LogEdge | null {
    const { size, lastData, path, rootHash } = input;
    if (!Number.isSafeInteger(size) || size < 1) return null;
    const widths = widthsOf(size - 1);
    if (path.length !== widths.length) return null;
    const last = leafHash(lastData);
    if (!verifyInclusion({ leafIndex: size - 1, treeSize: size, leafHash: last, path, rootHash })) return null;
    const largestFirst = path.toReversed();
    return new LogEdge(size, last, widths.map((width, index) => ({ width, hash: largestFirst[index] ?? new Uint8Array(32) })));
  }

  get size(): number {
    return this.#size;
  }

  /** Appends one leaf, by its leaf hash: O(1) hashes amortized. */
  append(leaf: Uint8Array): void {
    this.#left.push({ width: 1, hash: this.#last });
    for (let top = this.#left.at(-1), below = this.#left.at(-2); top && below && top.width === below.width; top = this.#left.at(-1), below = this.#left.at(-2)) {
      this.#left.splice(-2, 2, { width: top.width * 2, hash: nodeHash(below.hash, top.hash) });
    }
    this.#last = leaf;
    this.#size += 1;
  }

  /** MTH of the whole tree: the subtrees folded from the right. */
  root(): Uint8Array {
    let hash = this.#last;
    for (const node of this.#left.toReversed()) hash = nodeHash(node.hash, hash);
    return hash;
  }

  /** The last leaf's audit path, as stored and as LogEdge.proven reads it. */
  path(): Uint8Array[] {
    return this.#left.map((node) => node.hash).toReversed();
  }
}
