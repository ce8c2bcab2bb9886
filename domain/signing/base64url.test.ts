import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('toBase64Url', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) expect(toBase64Url(ascii(text))).toBe(encoded);
  });

  it('uses "-" and "_" where base64 has "+" and "/"', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });
});

describe('fromBase64Url', () => {
  it('round-trips every byte value at every tail length', () => {
    const all = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    for (let length = 0; length <= all.length; length += 1) {
      const bytes = all.subarray(0, length);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(new Uint8Array(bytes));
    }
  });

  it('decodes the RFC 4648 test vectors', () => {
    expect(new TextDecoder().decode(fromBase64Url('Zm9vYmE'))).toBe('fooba');
    expect(fromBase64Url('-_-_')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it('refuses padding, standard-alphabet letters, whitespace and non-ASCII', () => {
    expect(() => fromBase64Url('Zg==')).toThrow('Invalid base64url: unexpected character "=" at position 2 (padding is not used)');
    expect(() => fromBase64Url('+/8')).toThrow('Invalid base64url: unexpected character "+" at position 0');
    expect(() => fromBase64Url('Zm9 v')).toThrow('unexpected character " " at position 3');
    expect(() => fromBase64Url('Zm9é')).toThrow('unexpected character "é" at position 3');
  });

  it('refuses an impossible length', () => {
    expect(() => fromBase64Url('Zm9vY')).toThrow('Invalid base64url: a length of 5 characters is impossible');
  });

  it('refuses a non-canonical last letter, so each byte string has one encoding', () => {
    expect(fromBase64Url('Zg')).toEqual(ascii('f'));
    expect(() => fromBase64Url('Zh')).toThrow('Invalid base64url: the last character has unused bits set (not the canonical encoding)');
    expect(() => fromBase64Url('Zm9')).toThrow('unused bits set');
  });
});
