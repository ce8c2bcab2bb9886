import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './hex.ts';

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
