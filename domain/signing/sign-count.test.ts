import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url.ts';
import { signCountAcceptable, signCountOf } from './sign-count.ts';

describe('the signature counter', () => {
  it('is read big-endian after the RP ID hash and the flags', () => {
    const data = new Uint8Array(37);
    data.set([0, 0, 1, 2], 33);
    expect(signCountOf(toBase64Url(data))).toBe(258);
    expect(signCountOf(toBase64Url(new Uint8Array(36)))).toBeNull();
    expect(signCountOf('not base64url!')).toBeNull();
  });

  it('must grow once either side is non-zero; zero and zero is an authenticator that keeps none', () => {
    expect(signCountAcceptable(0, 0)).toBe(true);
    expect(signCountAcceptable(0, 1)).toBe(true);
    expect(signCountAcceptable(5, 6)).toBe(true);
    expect(signCountAcceptable(5, 5)).toBe(false);
    expect(signCountAcceptable(5, 0)).toBe(false);
  });
});
