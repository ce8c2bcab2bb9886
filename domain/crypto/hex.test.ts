import { describe, expect, it } from 'vitest';
import { bytesEqualHex, bytesToHex, hexToBytes } from './hex.ts';

describe('hexToBytes', () => {
  it('decodes lowercase hex', () => {
    expect([...hexToBytes('000fa0ff')]).toEqual([0x00, 0x0f, 0xa0, 0xff]);
    expect(hexToBytes('')).toEqual(new Uint8Array());
  });

  it('round-trips with bytesToHex for every byte value', () => {
    const every = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    expect(hexToBytes(bytesToHex(every))).toEqual(every);
  });

  it('refuses an odd length', () => {
    expect(() => hexToBytes('abc')).toThrow(/odd length \(3 characters\)/);
  });

  it('refuses uppercase, naming the character and its position', () => {
    expect(() => hexToBytes('00fA')).toThrow(/unexpected character "A" at position 3 \(only lowercase hex is accepted\)/);
  });

  it('refuses anything that is not a hex digit', () => {
    for (const bad of ['0g', ' 0', '0x', '-1', 'é0', '+1', '0\u0000']) {
      expect(() => hexToBytes(bad), JSON.stringify(bad)).toThrow(/Invalid hex: unexpected character/);
    }
  });
});

describe('bytesEqualHex', () => {
  const every = Uint8Array.from({ length: 256 }, (_, byte) => byte);

  it('holds exactly when the text is bytesToHex of the bytes', () => {
    expect(bytesEqualHex(every, bytesToHex(every))).toBe(true);
    expect(bytesEqualHex(new Uint8Array(), '')).toBe(true);
  });

  it('fails for any one digit changed, in either half of any byte', () => {
    const hex = bytesToHex(every);
    for (let position = 0; position < hex.length; position++) {
      const digit = hex[position] === '0' ? '1' : '0';
      expect(bytesEqualHex(every, hex.slice(0, position) + digit + hex.slice(position + 1)), `position ${position}`).toBe(false);
    }
  });

  it('fails for uppercase, another length, or characters that are not hex digits', () => {
    const bytes = Uint8Array.from([0xab, 0xcd]);
    expect(bytesEqualHex(bytes, 'ABCD')).toBe(false);
    expect(bytesEqualHex(bytes, 'abc')).toBe(false);
    expect(bytesEqualHex(bytes, 'abcd0')).toBe(false);
    expect(bytesEqualHex(bytes, 'abc\u0000')).toBe(false);
    expect(bytesEqualHex(new Uint8Array(2), '\u0000\u0000\u0000\u0000')).toBe(false);
  });
});
