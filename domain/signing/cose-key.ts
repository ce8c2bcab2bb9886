// A passkey's public key arrives at registration as a COSE_Key (RFC 9053) in CBOR (RFC 8949).
// We keep it as a JWK, which WebCrypto imports everywhere. Only ES256 on P-256 is accepted:
// that is what we ask authenticators for, and one algorithm is one thing to get right.
//
// The CBOR reader handles exactly what a COSE EC2 key needs: one definite-length map whose
// labels are integers and whose values are integers, byte strings or text strings. Nested
// items, tags, floats, indefinite lengths and 8-byte arguments are refused, so there is no
// recursion, and every read is bounds-checked.
import type { SignatureMaterial } from '../contracts/signatures.ts';
import { toBase64Url } from './base64url.ts';

/** The public key kept with a passkey signature (inferred from the contract, not written twice). */
export type P256PublicKeyJwk = Extract<SignatureMaterial, { method: 'passkey' }>['publicKeyJwk'];

// COSE labels and values (IANA "COSE Key Common Parameters", "COSE Key Type Parameters").
const KTY = 1;
const ALG = 3;
const CRV = -1;
const X = -2;
const Y = -3;
const D = -4;
const KTY_EC2 = 2;
const ALG_ES256 = -7;
const CRV_P256 = 1;
const COORDINATE_BYTES = 32;

// A real key has 5 entries; a few more are tolerated (and ignored), not hundreds.
const MAX_ENTRIES = 16;

type CborScalar = number | Uint8Array | string;

/** Throws an Error that says whether the bytes are malformed or the key is unsupported. */
export function coseEc2ToJwk(cose: Uint8Array): P256PublicKeyJwk {
  const entries = readCoseMap(cose);
  expectEntry(entries, KTY, KTY_EC2, 'key type', 'EC2 (2)');
  expectEntry(entries, ALG, ALG_ES256, 'algorithm', 'ES256 (-7)');
  expectEntry(entries, CRV, CRV_P256, 'curve', 'P-256 (1)');
  // A public key record has no business carrying the private key: refuse rather than keep it.
  if (entries.has(D)) throw unsupported('it contains a private key');
  return { kty: 'EC', crv: 'P-256', x: toBase64Url(coordinate(entries.get(X), 'x')), y: toBase64Url(coordinate(entries.get(Y), 'y')) };
}

function expectEntry(entries: Map<number, CborScalar>, label: number, expected: number, name: string, expectedName: string): void {
  const value = entries.get(label);
  if (value === undefined) throw unsupported(`the ${name} (label ${label}) is missing`);
  if (value !== expected) throw unsupported(`the ${name} ${describe(value)} is not ${expectedName}`);
}

function coordinate(value: CborScalar | undefined, name: string): Uint8Array {
  if (value === undefined) throw unsupported(`the ${name} coordinate is missing`);
  if (!(value instanceof Uint8Array)) throw unsupported(`the ${name} coordinate is ${describe(value)}, not a byte string`);
  if (value.length !== COORDINATE_BYTES) throw unsupported(`the ${name} coordinate has ${value.length} bytes, not ${COORDINATE_BYTES}`);
  return value;
}

function readCoseMap(bytes: Uint8Array): Map<number, CborScalar> {
  const reader: Reader = { bytes, offset: 0 };
  const head = readHead(reader);
  if (head.major !== MAJOR_MAP) throw malformed(`it is ${MAJOR_NAMES[head.major] ?? 'another CBOR item'}, not a map`);
  if (head.argument > MAX_ENTRIES) throw malformed(`a map of ${head.argument} entries is far larger than a key`);
  const entries = new Map<number, CborScalar>();
  for (let index = 0; index < head.argument; index++) {
    const label = readScalar(reader);
    if (typeof label !== 'number') throw malformed('a map label is not an integer');
    if (entries.has(label)) throw malformed(`the label ${label} appears twice`);
    entries.set(label, readScalar(reader));
  }
  if (reader.offset !== bytes.length) throw malformed(`${bytes.length - reader.offset} bytes follow the map`);
  return entries;
}

type Reader = { bytes: Uint8Array; offset: number };
type Head = { major: number; argument: number };

const MAJOR_UNSIGNED = 0;
const MAJOR_NEGATIVE = 1;
const MAJOR_BYTES = 2;
const MAJOR_TEXT = 3;
const MAJOR_MAP = 5;
const MAJOR_NAMES = ['an unsigned integer', 'a negative integer', 'a byte string', 'a text string', 'an array', 'a map', 'a tag', 'a float or simple value'];

function readScalar(reader: Reader): CborScalar {
  const { major, argument } = readHead(reader);
  switch (major) {
    case MAJOR_UNSIGNED:
      return argument;
    case MAJOR_NEGATIVE:
      return -1 - argument;
    case MAJOR_BYTES:
      return take(reader, argument);
    case MAJOR_TEXT:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(take(reader, argument));
      } catch (error) {
        if (error instanceof TypeError) throw malformed('a text string is not valid UTF-8');
        throw error;
      }
    default:
      throw malformed(`a map value is ${MAJOR_NAMES[major] ?? 'another CBOR item'}, which a P-256 key does not contain`);
  }
}

// The initial byte (major type, additional information) and its argument, up to 4 bytes.
function readHead(reader: Reader): Head {
  const initial = take(reader, 1)[0] ?? 0;
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (info < 24) return { major, argument: info };
  if (info === 31) throw malformed('indefinite lengths are not supported');
  if (info > 26) throw malformed('8-byte (or reserved) arguments are not supported');
  const size = info === 24 ? 1 : info === 25 ? 2 : 4;
  let argument = 0;
  for (const byte of take(reader, size)) argument = argument * 256 + byte;
  return { major, argument };
}

function take(reader: Reader, length: number): Uint8Array {
  if (length > reader.bytes.length - reader.offset) throw malformed('it ends in the middle of an item');
  const slice = reader.bytes.subarray(reader.offset, reader.offset + length);
  reader.offset += length;
  return slice;
}

function describe(value: CborScalar): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  return `a ${value.length}-byte string`;
}

function malformed(detail: string): Error {
  return new Error(`Malformed COSE key (CBOR): ${detail}`);
}

function unsupported(detail: string): Error {
  return new Error(`Unsupported COSE key: ${detail} (only ES256 keys on P-256 are accepted)`);
}
