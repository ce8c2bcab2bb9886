// Hex for hashes that travel as text (entry hashes, Merkle roots, proof paths). Decoding is
// strict, lowercase only: each byte string then has exactly one text form, so two hashes that
// compare equal as bytes also compare equal as strings, and nothing signed can be re-spelled.
export { bytesToHex } from './sha256.ts';

// Digit value by char code for '0'-'9' and 'a'-'f'; -1 for anything else.
const DIGITS = new Int8Array(128).fill(-1);
for (let value = 0; value < 16; value++) DIGITS[value.toString(16).charCodeAt(0)] = value;

// Each nibble's lowercase hex digit as a char code.
const DIGIT_CODES = Uint8Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/**
 * Whether `hex` is exactly bytesToHex(bytes), without building that string: the integrity
 * check compares every recomputed entry hash with the one the entry records (100,000 of them
 * in a browser worker), and a hex string per entry was most of what it allocated.
 */
export function bytesEqualHex(bytes: Uint8Array, hex: string): boolean {
  if (hex.length !== bytes.length * 2) return false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    if (hex.charCodeAt(index * 2) !== DIGIT_CODES[byte >>> 4] || hex.charCodeAt(index * 2 + 1) !== DIGIT_CODES[byte & 15]) return false;
  }
  return true;
}

/** Throws an Error saying what is wrong: odd length, or the first character that is not a lowercase hex digit. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0) throw new Error(`Invalid hex: an odd length (${hex.length} characters) cannot be whole bytes`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) {
    const high = digit(hex, index * 2);
    const low = digit(hex, index * 2 + 1);
    bytes[index] = (high << 4) | low;
  }
  return bytes;
}

function digit(hex: string, position: number): number {
  const code = hex.charCodeAt(position);
  const value = code < 128 ? (DIGITS[code] ?? -1) : -1;
  if (value >= 0) return value;
  const character = hex.charAt(position);
  const hint = character >= 'A' && character <= 'F' ? ' (only lowercase hex is accepted)' : '';
  throw new Error(`Invalid hex: unexpected character ${JSON.stringify(character)} at position ${position}${hint}`);
}
