// base64url without padding (RFC 4648 §5), the way WebAuthn and JWK carry binary values.
// Decoding is strict: only the 64 URL-safe letters, no padding or whitespace, and the unused
// low bits of the last letter must be zero. Each byte string then has exactly one text form,
// so signed evidence cannot be re-encoded into a different string that means the same bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// Letter value by char code (ASCII only); -1 for anything outside the alphabet.
const VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < ALPHABET.length; value++) VALUES[ALPHABET.charCodeAt(value)] = value;

export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const remaining = bytes.length - index;
    // Bytes past the end read as 0; their letters are simply not written.
    const chunk = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    text += letter(chunk >> 18) + letter(chunk >> 12);
    if (remaining > 1) text += letter(chunk >> 6);
    if (remaining > 2) text += letter(chunk);
  }
  return text;
}

function letter(sixBits: number): string {
  return ALPHABET.charAt(sixBits & 0x3f);
}

/** Throws an Error saying what is wrong (without echoing the whole input). */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let written = 0;
  let pending = 0; // bits read but not yet written out
  let pendingBits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (value < 0) {
      const hint = text.charAt(index) === '=' ? ' (padding is not used)' : '';
      throw new Error(`Invalid base64url: unexpected character ${JSON.stringify(text.charAt(index))} at position ${index}${hint}`);
    }
    pending = (pending << 6) | value;
    pendingBits += 6;
    if (pendingBits >= 8) {
      pendingBits -= 8;
      bytes[written++] = (pending >> pendingBits) & 0xff;
      pending &= (1 << pendingBits) - 1;
    }
  }
  // Checked after the letters, whose errors are more telling. One letter alone carries 6 bits: not a byte.
  if (text.length % 4 === 1) throw new Error(`Invalid base64url: a length of ${text.length} characters is impossible`);
  if (pending !== 0) throw new Error('Invalid base64url: the last character has unused bits set (not the canonical encoding)');
  return bytes;
}
