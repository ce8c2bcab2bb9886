import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256Hex } from './sha256.ts';

// FIPS 180-2 / NIST examples.
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const TWO_BLOCKS = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';

describe('sha256Hex', () => {
  it('hashes known strings', async () => {
    expect(await sha256Hex('')).toBe(EMPTY);
    expect(await sha256Hex('abc')).toBe(ABC);
    expect(await sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(TWO_BLOCKS);
  });

  it('hashes bytes the same as the equivalent string', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe(EMPTY);
    expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(ABC);
  });

  it('hashes strings as UTF-8', async () => {
    expect(await sha256Hex('é😀')).toBe(await sha256Hex(new Uint8Array([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80])));
  });

  it('hashes only the bytes a view covers', async () => {
    const view = new Uint8Array([0xff, 0x61, 0x62, 0x63, 0xff]).subarray(1, 4);
    expect(await sha256Hex(view)).toBe(ABC);
  });

  it('accepts views over a SharedArrayBuffer', async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(3));
    shared.set([0x61, 0x62, 0x63]);
    expect(await sha256Hex(shared)).toBe(ABC);
  });
});

describe('bytesToHex', () => {
  it('writes two lowercase digits per byte', () => {
    expect(bytesToHex(new Uint8Array([0x00, 0x0f, 0xa0, 0xff]))).toBe('000fa0ff');
    expect(bytesToHex(new Uint8Array())).toBe('');
  });
});
