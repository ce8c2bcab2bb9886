import { describe, expect, it } from 'vitest';
import { toBase64Url } from '#domain/signing/base64url.ts';
import { parseTrustedKey } from './trusted-key.ts';

describe('parseTrustedKey', () => {
  it('takes nothing as no key, and a 32-byte base64url key as given', () => {
    expect(parseTrustedKey('  ')).toEqual({ ok: true, key: null });
    const key = toBase64Url(new Uint8Array(32).fill(7));
    expect(parseTrustedKey(` ${key}\n`)).toEqual({ ok: true, key: { publicKey: key } });
  });

  it('refuses what is not base64url, or not 32 bytes', () => {
    expect(parseTrustedKey('abc+def/')).toEqual({ ok: false, message: 'Not a base64url key: unexpected character "+" at position 3.' });
    expect(parseTrustedKey(toBase64Url(new Uint8Array(31)))).toEqual({ ok: false, message: 'An Ed25519 public key is 32 bytes; this is 31.' });
  });
});
