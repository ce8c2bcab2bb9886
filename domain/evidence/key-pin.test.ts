import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../signing/base64url.ts';
import { isPinned, keyFingerprint, parseKeyPins } from './key-pin.ts';

const key = toBase64Url(new Uint8Array(32).fill(7));

describe('parseKeyPins', () => {
  it('takes nothing as no pin, a base64url key, a hex fingerprint, or the JSON of GET /api/keys', () => {
    expect(parseKeyPins('  ')).toEqual({ ok: true, pins: [] });
    expect(parseKeyPins(` ${key}\n`)).toEqual({ ok: true, pins: [{ publicKey: key }] });
    expect(parseKeyPins('AB'.repeat(32))).toEqual({ ok: true, pins: [{ fingerprint: 'ab'.repeat(32) }] });
    const other = toBase64Url(new Uint8Array(32).fill(8));
    const published = JSON.stringify({ keys: [key, other].map((publicKey) => ({ keyId: 'x', algorithm: 'Ed25519', publicKey, createdAt: '2026-01-01T00:00:00.000Z' })) }, null, 2);
    expect(parseKeyPins(published)).toEqual({ ok: true, pins: [{ publicKey: key }, { publicKey: other }] });
  });

  it('refuses what is not base64url, not 32 bytes, or not the key list', () => {
    expect(parseKeyPins('abc+def/')).toEqual({ ok: false, message: 'Invalid base64url: unexpected character "+" at position 3; give a base64url public key, a 64-digit hex fingerprint, or the JSON of GET /api/keys.' });
    expect(parseKeyPins(toBase64Url(new Uint8Array(31)))).toEqual({ ok: false, message: 'an Ed25519 public key is 32 bytes, this is 31 (a fingerprint is 64 hex digits).' });
    expect(parseKeyPins('{"keys": []}')).toEqual({ ok: false, message: 'The key list holds no key.' });
    expect(parseKeyPins('{"keys": ')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not the JSON of GET \/api\/keys: /) as string });
    expect(parseKeyPins('{"key": "x"}')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not the JSON of GET \/api\/keys \(/) as string });
  });
});

describe('keyFingerprint and isPinned', () => {
  it('fingerprints the raw 32 bytes, as sha256sum of the decoded key would', async () => {
    // sha256 of 32 bytes of 0x07, computed apart: printf '\x07%.0s' {1..32} | sha256sum
    const fingerprint = await keyFingerprint(key);
    expect(fingerprint).toBe('4bb06f8e4e3a7715d201d573d0aa423762e55dabd61a2c02278fa56cc6d294e0');
    expect(await isPinned(key, [{ fingerprint }])).toBe(true);
    expect(await isPinned(key, [{ publicKey: key }])).toBe(true);
    expect(await isPinned(key, [{ fingerprint: 'ab'.repeat(32) }, { publicKey: toBase64Url(new Uint8Array(32)) }])).toBe(false);
    expect(await isPinned(key, [])).toBe(false);
  });
});
