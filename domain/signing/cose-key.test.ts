import { describe, expect, it } from 'vitest';
import { fromBase64Url } from './base64url.ts';
import { coseEc2ToJwk } from './cose-key.ts';
import { createSoftwarePasskey } from '#tests/support/software-authenticator.ts';

// CBOR written out by hand (RFC 8949): 0xa5 = map of 5, 0x01..0x03 = 1..3, 0x20..0x22 = -1..-3,
// 0x26 = -7, 0x58 0x20 = byte string of 32.
const KTY_EC2 = [0x01, 0x02];
const ALG_ES256 = [0x03, 0x26];
const CRV_P256 = [0x20, 0x01];
const bytes32 = (fill: number) => [0x58, 0x20, ...Array.from({ length: 32 }, () => fill)];
const X = (fill = 0x11) => [0x21, ...bytes32(fill)];
const Y = (fill = 0x22) => [0x22, ...bytes32(fill)];

function cose(...entries: number[][]): Uint8Array {
  return new Uint8Array([0xa0 + entries.length, ...entries.flat()]);
}

describe('coseEc2ToJwk', () => {
  it('converts a COSE ES256 key to a JWK that WebCrypto accepts', async () => {
    const passkey = await createSoftwarePasskey();
    const x = [...fromBase64Url(passkey.publicKeyJwk.x)];
    const y = [...fromBase64Url(passkey.publicKeyJwk.y)];
    const key = cose(KTY_EC2, ALG_ES256, CRV_P256, [0x21, 0x58, 0x20, ...x], [0x22, 0x58, 0x20, ...y]);
    const jwk = coseEc2ToJwk(key);
    expect(jwk).toEqual(passkey.publicKeyJwk);
    await expect(crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])).resolves.toBeDefined();
  });

  it('does not depend on the order of the entries, and ignores extra simple parameters', () => {
    const kid = [0x02, 0x43, 0x61, 0x62, 0x63]; // kid (2): bytes "abc"
    const jwk = coseEc2ToJwk(cose(Y(), X(), kid, CRV_P256, ALG_ES256, KTY_EC2));
    expect(jwk).toEqual({ kty: 'EC', crv: 'P-256', x: 'ERERERERERERERERERERERERERERERERERERERERERE', y: 'IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI' });
  });

  it('reads arguments of one, two and four bytes', () => {
    // 1 as 0x18 0x01, the map size as 0xb9 0x00 0x05, the x length as 0x5a 0x00 0x00 0x00 0x20.
    const longForms = new Uint8Array([0xb9, 0x00, 0x05, 0x18, 0x01, 0x02, ...ALG_ES256, ...CRV_P256, 0x21, 0x5a, 0, 0, 0, 0x20, ...Array.from({ length: 32 }, () => 0x11), ...Y()]);
    expect(coseEc2ToJwk(longForms).x).toBe('ERERERERERERERERERERERERERERERERERERERERERE');
  });

  const unsupported: [string, Uint8Array, string][] = [
    ['an OKP (Ed25519) key', cose([0x01, 0x01], [0x03, 0x27], [0x20, 0x06], X()), 'the key type 1 is not EC2 (2)'],
    ['an RSA key', cose([0x01, 0x03], [0x03, 0x39, 0x01, 0x00]), 'the key type 3 is not EC2 (2)'],
    ['ES384', cose(KTY_EC2, [0x03, 0x38, 0x22], CRV_P256, X(), Y()), 'the algorithm -35 is not ES256 (-7)'],
    ['a missing algorithm', cose(KTY_EC2, CRV_P256, X(), Y()), 'the algorithm (label 3) is missing'],
    ['P-384', cose(KTY_EC2, ALG_ES256, [0x20, 0x02], X(), Y()), 'the curve 2 is not P-256 (1)'],
    ['a missing y', cose(KTY_EC2, ALG_ES256, CRV_P256, X()), 'the y coordinate is missing'],
    ['a 31-byte x', cose(KTY_EC2, ALG_ES256, CRV_P256, [0x21, 0x58, 0x1f, ...Array.from({ length: 31 }, () => 1)], Y()), 'the x coordinate has 31 bytes, not 32'],
    ['an x that is text', cose(KTY_EC2, ALG_ES256, CRV_P256, [0x21, 0x61, 0x78], Y()), 'the x coordinate is "x", not a byte string'],
    ['a private key', cose(KTY_EC2, ALG_ES256, CRV_P256, X(), Y(), [0x23, ...bytes32(0x33)]), 'it contains a private key'],
  ];
  for (const [name, bytes, detail] of unsupported) {
    it(`refuses ${name}`, () => {
      expect(() => coseEc2ToJwk(bytes)).toThrow(`Unsupported COSE key: ${detail} (only ES256 keys on P-256 are accepted)`);
    });
  }

  const valid = cose(KTY_EC2, ALG_ES256, CRV_P256, X(), Y());
  const malformed: [string, Uint8Array, string][] = [
    ['empty input', new Uint8Array(), 'it ends in the middle of an item'],
    ['an array instead of a map', new Uint8Array([0x82, 0x01, 0x02]), 'it is an array, not a map'],
    ['a truncated key', valid.subarray(0, valid.length - 1), 'it ends in the middle of an item'],
    ['trailing bytes', new Uint8Array([...valid, 0x00]), '1 bytes follow the map'],
    ['an indefinite-length map', new Uint8Array([0xbf, ...KTY_EC2, 0xff]), 'indefinite lengths are not supported'],
    ['an 8-byte argument', new Uint8Array([0xa1, 0x1b, 0, 0, 0, 0, 0, 0, 0, 1, 0x01]), '8-byte (or reserved) arguments are not supported'],
    ['a huge map', new Uint8Array([0xba, 0xff, 0xff, 0xff, 0xff]), 'a map of 4294967295 entries is far larger than a key'],
    ['a byte string longer than the input', new Uint8Array([0xa1, 0x21, 0x5a, 0xff, 0xff, 0xff, 0xff, 0x00]), 'it ends in the middle of an item'],
    ['a duplicated label', cose(KTY_EC2, KTY_EC2), 'the label 1 appears twice'],
    ['a text label', cose([0x61, 0x78, 0x01]), 'a map label is not an integer'],
    ['a nested map', cose(KTY_EC2, [0x04, 0xa1, 0x01, 0x02]), 'a map value is a map, which a P-256 key does not contain'],
    ['a float', cose(KTY_EC2, [0x04, 0xf9, 0x3c, 0x00]), 'a map value is a float or simple value, which a P-256 key does not contain'],
    ['invalid UTF-8 text', cose(KTY_EC2, [0x02, 0x61, 0xff]), 'a text string is not valid UTF-8'],
  ];
  for (const [name, bytes, detail] of malformed) {
    it(`refuses ${name} as malformed`, () => {
      expect(() => coseEc2ToJwk(bytes)).toThrow(`Malformed COSE key (CBOR): ${detail}`);
    });
  }
});
