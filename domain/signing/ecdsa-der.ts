// Authenticators return ES256 signatures as ASN.1 DER, SEQUENCE { INTEGER r, INTEGER s }
// (X9.62), but WebCrypto verifies only the fixed-size form r‖s (IEEE P1363). The parser
// accepts strict DER and nothing else: evidence that could be read two ways proves nothing,
// and a refusal with a reason is more useful to a verifier than a guess.

const SEQUENCE = 0x30;
const INTEGER = 0x02;

/** r‖s, each left-padded to `size` bytes (32 for P-256). Throws an Error for anything but strict DER. */
export function derToRawEcdsaSignature(der: Uint8Array, size = 32): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(size) || size < 1 || size > 66) throw new Error(`Invalid ECDSA integer size ${size}`);
  const reader: Reader = { bytes: der, offset: 0 };
  if (readByte(reader, 'the SEQUENCE tag') !== SEQUENCE) throw malformed('it does not start with a SEQUENCE');
  const length = readLength(reader, 'SEQUENCE');
  if (reader.offset + length !== der.length) throw malformed(`the SEQUENCE says ${length} bytes but ${der.length - reader.offset} follow`);
  const r = readPositiveInteger(reader, 'r', size);
  const s = readPositiveInteger(reader, 's', size);
  if (reader.offset !== der.length) throw malformed('there are bytes after s');
  const raw = new Uint8Array(2 * size);
  raw.set(r, size - r.length);
  raw.set(s, 2 * size - s.length);
  return raw;
}

/** The DER form of r‖s (what an authenticator sends); the inverse of derToRawEcdsaSignature. */
export function rawToDerEcdsaSignature(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error(`A raw ECDSA signature is r‖s of equal sizes; got ${raw.length} bytes`);
  const half = raw.length / 2;
  const body = [...encodeInteger(raw.subarray(0, half)), ...encodeInteger(raw.subarray(half))];
  return new Uint8Array([SEQUENCE, ...encodeLength(body.length), ...body]);
}

type Reader = { bytes: Uint8Array; offset: number };

function malformed(detail: string): Error {
  return new Error(`Malformed ECDSA signature (DER): ${detail}`);
}

function readByte(reader: Reader, what: string): number {
  const byte = reader.bytes[reader.offset];
  if (byte === undefined) throw malformed(`it ends before ${what}`);
  reader.offset++;
  return byte;
}

// Short form below 128; one length byte (0x81 nn) covers every curve up to P-521. DER
// requires the shortest form, so 0x81 with a value below 128 is refused.
function readLength(reader: Reader, what: string): number {
  const first = readByte(reader, `the ${what} length`);
  if (first < 0x80) return first;
  if (first !== 0x81) throw malformed(`the ${what} length uses an unsupported form (0x${first.toString(16)})`);
  const length = readByte(reader, `the ${what} length`);
  if (length < 0x80) throw malformed(`the ${what} length is not minimally encoded`);
  return length;
}

// The magnitude of a DER INTEGER that must be in 1..2^(8·size)-1, without its sign byte.
function readPositiveInteger(reader: Reader, name: string, size: number): Uint8Array {
  if (readByte(reader, `INTEGER ${name}`) !== INTEGER) throw malformed(`${name} is not an INTEGER`);
  const length = readLength(reader, `INTEGER ${name}`);
  if (length === 0) throw malformed(`${name} is empty`);
  if (reader.offset + length > reader.bytes.length) throw malformed(`${name} runs past the end`);
  const content = reader.bytes.subarray(reader.offset, reader.offset + length);
  reader.offset += length;
  const first = content[0] ?? 0;
  const second = content[1] ?? 0;
  if (first & 0x80) throw malformed(`${name} is negative`);
  // A leading 0x00 is allowed only as the sign byte in front of a byte with its high bit set.
  if (length > 1 && first === 0 && !(second & 0x80)) throw malformed(`${name} has a superfluous leading zero`);
  const magnitude = length > 1 && first === 0 ? content.subarray(1) : content;
  if (magnitude.length === 1 && first === 0) throw malformed(`${name} is zero`);
  if (magnitude.length > size) throw malformed(`${name} is longer than ${size} bytes`);
  return magnitude;
}

function encodeInteger(magnitude: Uint8Array): number[] {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const content = [...magnitude.subarray(start)];
  // Without a 0x00 in front, a high first bit would make the INTEGER negative.
  if ((content[0] ?? 0) & 0x80) content.unshift(0);
  return [INTEGER, ...encodeLength(content.length), ...content];
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  throw new Error(`An ECDSA signature of ${length} bytes is larger than any supported curve`);
}
