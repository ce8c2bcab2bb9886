// The audit log's Merkle tree, hashed as RFC 6962 / RFC 9162 §2.1 define it: a leaf is
// SHA-256(0x00 || data), an inner node SHA-256(0x01 || left || right), the empty tree
// SHA-256(""). A signed tree head (size + root) then commits the server to every entry up to
// that size; an inclusion proof shows one entry is in it, a consistency proof that a later
// head only appended to an earlier one. Both are checked with log(n) hashes, without the log.
//
// The tree is built once, bottom-up: each level pairs the nodes of the level below, and an odd
// last node is carried up unchanged. That gives exactly RFC 6962's tree (which splits a range
// at the largest power of two below its size), and every stored node is the hash of an
// aligned range of leaves, so the root of any prefix and every proof come from at most
// O(log n) stored nodes and O(log n) fresh hashes.
import { equalBytes } from '../crypto/bytes.ts';
import { sha256Sync, sha256SyncInto } from '../crypto/sha256-sync.ts';

const HASH_BYTES = 32;
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// Reused for every inner node: building a 100,000-leaf tree hashes ~100,000 of them.
const nodeInput = new Uint8Array(1 + 2 * HASH_BYTES);
nodeInput[0] = NODE_PREFIX;

// Reused for every leaf whose data is a hash (an entry's): one per entry of a checked log.
const leafInput = new Uint8Array(1 + HASH_BYTES);
leafInput[0] = LEAF_PREFIX;

export function leafHash(data: Uint8Array): Uint8Array<ArrayBuffer> {
  if (data.length === HASH_BYTES) {
    leafInput.set(data, 1);
    return sha256Sync(leafInput);
  }
  const input = new Uint8Array(1 + data.length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return sha256Sync(input);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array<ArrayBuffer> {
  if (left.length !== HASH_BYTES || right.length !== HASH_BYTES) {
    const input = new Uint8Array(1 + left.length + right.length);
    input[0] = NODE_PREFIX;
    input.set(left, 1);
    input.set(right, 1 + left.length);
    return sha256Sync(input);
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_BYTES);
  return sha256Sync(nodeInput);
}

/** The root of a tree without leaves: SHA-256 of the empty string. */
export function emptyRoot(): Uint8Array<ArrayBuffer> {
  return sha256Sync(new Uint8Array(0));
}

export class MerkleTree {
  #size = 0;
  // #levels[k] holds the nodes k levels above the leaves, 32 bytes each, back to back (the
  // buffers have spare room at the end, for append). Node i of level k is the hash of leaves
  // [i·2^k, min((i+1)·2^k, size)).
  readonly #levels: Uint8Array[] = [];

  /** `leafHashes` are leaf hashes already (leafHash(data)), 32 bytes each; they are copied. */
  constructor(leafHashes: readonly Uint8Array[]) {
    this.append(leafHashes);
  }

  get size(): number {
    return this.#size;
  }

  /**
   * Adds leaves at the end. Only the nodes whose range reaches the new leaves are hashed again
   * (the right edge of each level), so a log that grows by a few entries costs O(log n) hashes
   * each, not a rebuild. Every root, path and proof of an earlier size stays what it was.
   */
  append(leafHashes: readonly Uint8Array[]): void {
    if (leafHashes.length === 0) return;
    const oldSize = this.#size;
    const leaves = this.#reserve(0, oldSize + leafHashes.length);
    leafHashes.forEach((hash, index) => {
      if (hash.length !== HASH_BYTES) throw new RangeError(`Leaf hash ${oldSize + index} has ${hash.length} bytes, not ${HASH_BYTES}`);
      leaves.set(hash, (oldSize + index) * HASH_BYTES);
    });
    this.#hashFrom(oldSize, oldSize + leafHashes.length);
  }

  /** append() of leaf hashes packed back to back, 32 bytes each (as a worker sends them). */
  appendPacked(packed: Uint8Array): void {
    if (packed.length % HASH_BYTES !== 0) throw new RangeError(`${packed.length} bytes are not a whole number of ${HASH_BYTES}-byte leaf hashes`);
    if (packed.length === 0) return;
    const oldSize = this.#size;
    const newSize = oldSize + packed.length / HASH_BYTES;
    this.#reserve(0, newSize).set(packed, oldSize * HASH_BYTES);
    this.#hashFrom(oldSize, newSize);
  }

  /**
   * Drops the leaves from `size` on: the tree is then what it was when it held `size` leaves
   * (the integrity check appends a second worker's leaves as they come, and drops them when
   * that worker turns out not to have continued from its own last entry).
   */
  truncate(size: number): void {
    this.#checkSize(size, 0);
    // The nodes whose range reached a dropped leaf are hashed again over what is left.
    this.#hashFrom(size, size);
  }

  /** Hashes again the nodes whose range reaches the leaves from `oldSize` on. */
  #hashFrom(oldSize: number, newSize: number): void {
    const leaves = this.#reserve(0, newSize);
    this.#size = newSize;
    // The first node of each level whose range holds a new leaf; those before it are complete.
    let firstChanged = oldSize;
    let count = this.#size;
    for (let k = 0; count > 1; k++) {
      const level = this.#levels[k] ?? leaves;
      const parentCount = Math.ceil(count / 2);
      const parent = this.#reserve(k + 1, parentCount);
      const firstParent = Math.floor(firstChanged / 2);
      for (let index = firstParent; index < parentCount; index++) {
        const child = index * 2;
        if (child + 1 < count) {
          // The two children are adjacent: 64 bytes straight after the prefix.
          nodeInput.set(level.subarray(child * HASH_BYTES, (child + 2) * HASH_BYTES), 1);
          sha256SyncInto(nodeInput, parent, index * HASH_BYTES);
        } else {
          // An odd last node is carried up unchanged.
          parent.set(level.subarray(child * HASH_BYTES, (child + 1) * HASH_BYTES), index * HASH_BYTES);
        }
      }
      firstChanged = firstParent;
      count = parentCount;
    }
  }

  /** Level k with room for `count` nodes, grown by doubling so appends stay amortized O(1) copies. */
  #reserve(k: number, count: number): Uint8Array {
    const current = this.#levels[k];
    if (current !== undefined && current.length >= count * HASH_BYTES) return current;
    const grown = new Uint8Array(Math.max(count, (current?.length ?? 0) / HASH_BYTES * 2) * HASH_BYTES);
    if (current !== undefined) grown.set(current);
    this.#levels[k] = grown;
    return grown;
  }

  /** MTH(D[0:size]): the root the tree had when it held `size` leaves. */
  root(size: number = this.size): Uint8Array<ArrayBuffer> {
    this.#checkSize(size, 0);
    return size === 0 ? emptyRoot() : this.#rangeHash(0, size).slice();
  }

  /** RFC 6962 PATH(leafIndex, D[0:size]): the sibling hashes from the leaf up to the root. */
  inclusionPath(leafIndex: number, size: number = this.size): Uint8Array<ArrayBuffer>[] {
    this.#checkSize(size, 1);
    if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= size) {
      throw new RangeError(`Leaf index ${leafIndex} is outside a tree of ${size} leaves`);
    }
    const path: Uint8Array<ArrayBuffer>[] = [];
    this.#path(leafIndex, 0, size, path);
    return path;
  }

  /** RFC 6962 PROOF(oldSize, D[0:newSize]): empty when oldSize is 0 or equals newSize. */
  consistencyPath(oldSize: number, newSize: number = this.size): Uint8Array<ArrayBuffer>[] {
    this.#checkSize(newSize, 0);
    if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
      throw new RangeError(`Old size ${oldSize} is not between 0 and the new size ${newSize}`);
    }
    const proof: Uint8Array<ArrayBuffer>[] = [];
    if (oldSize > 0 && oldSize < newSize) this.#subproof(oldSize, 0, newSize, true, proof);
    return proof;
  }

  #checkSize(size: number, minimum: number): void {
    if (!Number.isSafeInteger(size) || size < minimum || size > this.#size) {
      throw new RangeError(`Tree size ${size} is not between ${minimum} and ${this.size}`);
    }
  }

  // PATH with absolute positions: `leafIndex` lies in [start, end).
  #path(leafIndex: number, start: number, end: number, path: Uint8Array<ArrayBuffer>[]): void {
    if (end - start === 1) return;
    const middle = start + largestPowerOfTwoBelow(end - start);
    if (leafIndex < middle) {
      this.#path(leafIndex, start, middle, path);
      path.push(this.#rangeHash(middle, end).slice());
    } else {
      this.#path(leafIndex, middle, end, path);
      path.push(this.#rangeHash(start, middle).slice());
    }
  }

  // SUBPROOF with absolute positions: `oldSize` lies in (start, end]; `whole` is RFC 6962's b,
  // true while the range is a prefix whose hash the verifier already knows (the old root).
  #subproof(oldSize: number, start: number, end: number, whole: boolean, proof: Uint8Array<ArrayBuffer>[]): void {
    if (oldSize === end) {
      if (!whole) proof.push(this.#rangeHash(start, end).slice());
      return;
    }
    const middle = start + largestPowerOfTwoBelow(end - start);
    if (oldSize <= middle) {
      this.#subproof(oldSize, start, middle, whole, proof);
      proof.push(this.#rangeHash(middle, end).slice());
    } else {
      this.#subproof(oldSize, middle, end, false, proof);
      proof.push(this.#rangeHash(start, middle).slice());
    }
  }

  // MTH(D[start:end]) for 0 <= start < end <= size. Ranges reached from the root are aligned
  // (start is a multiple of the split below it), so most are one stored node. The result may
  // be a view into #levels: callers copy it before handing it out.
  #rangeHash(start: number, end: number): Uint8Array {
    const width = end - start;
    const level = width === 1 ? 0 : 32 - Math.clz32(width - 1); // ceil(log2(width))
    const span = 2 ** level;
    // Node start/span of that level covers [start, min(start + span, size)).
    if (start % span === 0 && (width === span || end === this.#size)) {
      const nodes = this.#levels[level];
      const offset = (start / span) * HASH_BYTES;
      // The buffers have spare room: a node exists when its start is inside the tree.
      if (nodes !== undefined && start < this.#size) return nodes.subarray(offset, offset + HASH_BYTES);
    }
    const middle = start + largestPowerOfTwoBelow(width);
    return nodeHash(this.#rangeHash(start, middle), this.#rangeHash(middle, end));
  }
}

/** RFC 6962's k: the largest power of two smaller than n (n >= 2). */
function largestPowerOfTwoBelow(n: number): number {
  return 2 ** (31 - Math.clz32(n - 1));
}

/** RFC 9162 §2.1.3.2. False, never an exception, for anything malformed. */
export function verifyInclusion(input: {
  leafIndex: number;
  treeSize: number;
  leafHash: Uint8Array;
  path: readonly Uint8Array[];
  rootHash: Uint8Array;
}): boolean {
  try {
    const { leafIndex, treeSize, path } = input;
    if (!isIndex(leafIndex) || !isIndex(treeSize) || leafIndex >= treeSize) return false;
    if (!isHash(input.leafHash) || !isHash(input.rootHash) || !path.every(isHash)) return false;
    let fn = leafIndex;
    let sn = treeSize - 1;
    let result: Uint8Array = input.leafHash;
    for (const sibling of path) {
      if (sn === 0) return false; // more path than the tree is tall
      if (fn % 2 === 1 || fn === sn) {
        result = nodeHash(sibling, result);
        // A right edge without a sibling: climb the levels where the node was carried up.
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      } else {
        result = nodeHash(result, sibling);
      }
      fn = half(fn);
      sn = half(sn);
    }
    return sn === 0 && equalBytes(result, input.rootHash);
  } catch {
    return false;
  }
}

/** RFC 9162 §2.1.4.2. False, never an exception, for anything malformed. */
export function verifyConsistency(input: {
  oldSize: number;
  newSize: number;
  oldRoot: Uint8Array;
  newRoot: Uint8Array;
  path: readonly Uint8Array[];
}): boolean {
  try {
    const { oldSize, newSize, oldRoot, newRoot, path } = input;
    if (!isIndex(oldSize) || !isIndex(newSize) || oldSize > newSize) return false;
    if (!isHash(oldRoot) || !isHash(newRoot) || !path.every(isHash)) return false;
    if (oldSize === newSize) return path.length === 0 && equalBytes(oldRoot, newRoot);
    // Every tree extends the empty one; but a head of size 0 must carry the empty root.
    if (oldSize === 0) return path.length === 0 && equalBytes(oldRoot, emptyRoot());
    if (path.length === 0) return false;

    // When the old tree is a complete subtree, the proof leaves out its root: the verifier has it.
    const nodes = isPowerOfTwo(oldSize) ? [oldRoot, ...path] : path;
    let fn = oldSize - 1;
    let sn = newSize - 1;
    while (fn % 2 === 1) {
      fn = half(fn);
      sn = half(sn);
    }
    const seed = nodes[0] ?? oldRoot;
    let oldResult: Uint8Array = seed;
    let newResult: Uint8Array = seed;
    for (const node of nodes.slice(1)) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        oldResult = nodeHash(node, oldResult);
        newResult = nodeHash(node, newResult);
        while (fn % 2 === 0 && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      } else {
        newResult = nodeHash(newResult, node);
      }
      fn = half(fn);
      sn = half(sn);
    }
    return sn === 0 && equalBytes(oldResult, oldRoot) && equalBytes(newResult, newRoot);
  } catch {
    return false;
  }
}

// Sizes go up to 2^53 in principle, beyond 32-bit shifts: halve with arithmetic.
function half(value: number): number {
  return Math.floor(value / 2);
}

function isIndex(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function isPowerOfTwo(value: number): boolean {
  let rest = value;
  while (rest > 1 && rest % 2 === 0) rest /= 2;
  return rest === 1;
}

function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_BYTES;
}
