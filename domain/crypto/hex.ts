// Hex for hashes that travel as text (entry hashes, Merkle roots, proof paths). Decoding is
// strict, lowercase only: each byte string then has exactly one text form, so two hashes that
// compare equal as bytes also compare equal as strings, and nothing signed can be re-spelled.
export { bytesToHex } from './sha256.ts';

// Digit value by char code for '0'-'9' and 'a'-'f'; -1 for anything else.
const DIGITS = new Int8Array(128).fill(-1);
for (let value = 0; value < 16; value++) DIGITS[value.toString(16).charCodeAt(0)] = value;

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
