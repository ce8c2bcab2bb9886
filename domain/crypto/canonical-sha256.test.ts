import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalize } from '../json/canonicalize.ts';
import { canonicalSha256, canonicalSha256Hex } from './canonical-sha256.ts';

const reference = (value: unknown) => createHash('sha256').update(canonicalize(value), 'utf8').digest('hex');

describe('canonicalSha256', () => {
  it('hashes the UTF-8 bytes of the RFC 8785 form', async () => {
    const value = { b: [1, 2.5, 'x'], a: { z: null, y: true } };
    expect(await canonicalSha256Hex(value)).toBe(reference(value));
    // Key order does not matter: both orders are one canonical text.
    expect(await canonicalSha256Hex({ a: { y: true, z: null }, b: [1, 2.5, 'x'] })).toBe(reference(value));
  });

  it('encodes non-ASCII text (two, three and four UTF-8 bytes per character) after ASCII filled the kept buffer', async () => {
    await canonicalSha256Hex({ ascii: 'a'.repeat(1000) });
    for (const text of ['é', '€ and ✓', '😀 emoji', 'mixed ' + 'ü'.repeat(500)]) {
      expect(await canonicalSha256Hex({ text })).toBe(reference({ text }));
    }
  });

  it('gives every overlapping call its own bytes', async () => {
    const values = Array.from({ length: 40 }, (_, index) => ({ index, text: String(index).repeat(1 + (index % 7) * 300) }));
    const hashes = await Promise.all(values.map((value) => canonicalSha256Hex(value)));
    expect(hashes).toEqual(values.map(reference));
  });

  it('reuses no bytes from a longer earlier value', async () => {
    await canonicalSha256({ long: 'x'.repeat(10_000) });
    expect(await canonicalSha256Hex({ s: 1 })).toBe(reference({ s: 1 }));
    expect((await canonicalSha256({ s: 1 })).length).toBe(32);
  });

  it('refuses what RFC 8785 cannot represent', async () => {
    await expect(canonicalSha256({ bad: Number.NaN })).rejects.toThrow(/NaN is not a JSON number/);
  });
});
