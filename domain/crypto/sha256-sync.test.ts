import { describe, expect, it } from 'vitest';
import { bytesToHex } from './sha256.ts';
import { sha256Sync, sha256SyncInto } from './sha256-sync.ts';

// Checked against WebCrypto, the implementation everything else in domain/ uses.
async function webCryptoDigest(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
}

// Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced.
function pseudoRandomBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let x = seed | 1;
  for (let index = 0; index < length; index++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[index] = x & 0xff;
  }
  return bytes;
}

describe('sha256Sync', () => {
  it('hashes the FIPS 180-2 examples', () => {
    const encoder = new TextEncoder();
    expect(bytesToHex(sha256Sync(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(bytesToHex(sha256Sync(encoder.encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(bytesToHex(sha256Sync(encoder.encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with WebCrypto for every length from 0 to 300 (every padding case)', async () => {
    for (let length = 0; length <= 300; length++) {
      const data = pseudoRandomBytes(length, length + 1);
      expect(bytesToHex(sha256Sync(data)), `length ${length}`).toBe(await webCryptoDigest(data));
    }
  });

  it('agrees with WebCrypto on larger random inputs', async () => {
    for (const [length, seed] of [[1_000, 7], [4_096, 11], [65_537, 13], [1_000_003, 17]] as const) {
      const data = pseudoRandomBytes(length, seed);
      expect(bytesToHex(sha256Sync(data)), `length ${length}`).toBe(await webCryptoDigest(data));
    }
  });

  it('gives the same digest on repeated calls (no state leaks between calls)', () => {
    const long = pseudoRandomBytes(200, 3);
    const short = pseudoRandomBytes(5, 5);
    const first = bytesToHex(sha256Sync(short));
    sha256Sync(long);
    expect(bytesToHex(sha256Sync(short))).toBe(first);
  });

  it('hashes only the bytes a view covers', () => {
    const view = new Uint8Array([0xff, 0x61, 0x62, 0x63, 0xff]).subarray(1, 4);
    expect(bytesToHex(sha256Sync(view))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('returns a fresh array each time', () => {
    const first = sha256Sync(new Uint8Array([1]));
    const second = sha256Sync(new Uint8Array([2]));
    expect(first).not.toBe(second);
    expect(bytesToHex(first)).not.toBe(bytesToHex(second));
  });
});

describe('sha256SyncInto', () => {
  it('writes the digest at the offset and leaves the rest alone', async () => {
    const data = pseudoRandomBytes(77, 9);
    const output = new Uint8Array(40).fill(0xee);
    sha256SyncInto(data, output, 4);
    expect(bytesToHex(output.subarray(4, 36))).toBe(await webCryptoDigest(data));
    expect([...output.subarray(0, 4), ...output.subarray(36)]).toEqual(new Array(8).fill(0xee));
  });

  it('refuses an output without room for the digest', () => {
    expect(() => sha256SyncInto(new Uint8Array(), new Uint8Array(40), 9)).toThrow(RangeError);
    expect(() => sha256SyncInto(new Uint8Array(), new Uint8Array(40), -1)).toThrow(RangeError);
  });
});
