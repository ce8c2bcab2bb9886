// Synchronous SHA-256 (FIPS 180-4) in plain JavaScript. WebCrypto (sha256.ts) is the one to use
// for a single digest, but it is asynchronous: checking a 100,000-entry audit chain and its
// Merkle tree means ~300,000 small digests, and awaiting each one costs far more than the
// hashing itself. So this one is written for V8's optimizing compiler: 32-bit integer
// arithmetic (`| 0`, `>>>`), one message schedule and one padding buffer reused by every
// call, and no allocation per block. Module state is safe: the code never yields midway, and
// each worker has its own module instance.

// First 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// First 32 bits of the fractional parts of the square roots of the first 8 primes.
const INITIAL_STATE = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const schedule = new Int32Array(64);
const state = new Int32Array(8);
// The last one or two blocks: the message's remaining bytes, 0x80, zeros and the bit length.
const tail = new Uint8Array(128);

/** The 32-byte SHA-256 digest of `data`, computed synchronously. */
export function sha256Sync(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const digest = new Uint8Array(32);
  sha256SyncInto(data, digest, 0);
  return digest;
}

/**
 * Writes the digest of `data` into output[offset … offset + 32), for callers that keep many
 * digests in one buffer (the Merkle tree's levels) and would otherwise allocate one per hash.
 */
export function sha256SyncInto(data: Uint8Array, output: Uint8Array, offset: number): void {
  if (offset < 0 || offset + 32 > output.length) throw new RangeError(`No room for a 32-byte digest at offset ${offset} of ${output.length} bytes`);
  state.set(INITIAL_STATE);
  const length = data.length;
  let position = 0;
  for (; position + 64 <= length; position += 64) compress(data, position);

  // Copied byte by byte, not through a subarray: most inputs are a few blocks long (an audit
  // entry, a tree node), and a view allocated per digest cost more than the copy.
  const remaining = length - position;
  for (let index = 0; index < remaining; index++) tail[index] = data[position + index] ?? 0;
  tail[remaining] = 0x80;
  // The length in bits as a 64-bit big-endian number; data.length can exceed 2^29 bytes,
  // so the high word is computed without 32-bit shifts.
  const end = remaining < 56 ? 64 : 128;
  tail.fill(0, remaining + 1, end - 8);
  const highBits = Math.floor(length / 0x20000000);
  const lowBits = (length * 8) % 0x100000000;
  writeWord(tail, end - 8, highBits);
  writeWord(tail, end - 4, lowBits);
  compress(tail, 0);
  if (end === 128) compress(tail, 64);

  for (let word = 0; word < 8; word++) writeWord(output, offset + word * 4, state[word] ?? 0);
}

function writeWord(bytes: Uint8Array, at: number, word: number): void {
  bytes[at] = word >>> 24;
  bytes[at + 1] = word >>> 16;
  bytes[at + 2] = word >>> 8;
  bytes[at + 3] = word;
}

/** One 64-byte block, read from bytes[offset …], folded into `state`. */
function compress(bytes: Uint8Array, offset: number): void {
  const w = schedule;
  for (let index = 0; index < 16; index++) {
    const at = offset + index * 4;
    w[index] = ((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
  }
  for (let index = 16; index < 64; index++) {
    const x = w[index - 15] ?? 0;
    const y = w[index - 2] ?? 0;
    const sigma0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const sigma1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[index] = ((w[index - 16] ?? 0) + sigma0 + (w[index - 7] ?? 0) + sigma1) | 0;
  }

  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  let e = state[4] ?? 0;
  let f = state[5] ?? 0;
  let g = state[6] ?? 0;
  let h = state[7] ?? 0;
  for (let index = 0; index < 64; index++) {
    const bigSigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choose = (e & f) ^ (~e & g);
    const t1 = (h + bigSigma1 + choose + (K[index] ?? 0) + (w[index] ?? 0)) | 0;
    const bigSigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (bigSigma0 + majority) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] ?? 0) + a;
  state[1] = (state[1] ?? 0) + b;
  state[2] = (state[2] ?? 0) + c;
  state[3] = (state[3] ?? 0) + d;
  state[4] = (state[4] ?? 0) + e;
  state[5] = (state[5] ?? 0) + f;
  state[6] = (state[6] ?? 0) + g;
  state[7] = (state[7] ?? 0) + h;
}
