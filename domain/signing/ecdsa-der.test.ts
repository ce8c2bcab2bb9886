import { describe, expect, it } from 'vitest';
import { derToRawEcdsaSignature, rawToDerEcdsaSignature } from './ecdsa-der.ts';

function filled(length: number, byte: number): number[] {
  return Array.from({ length }, () => byte);
}

describe('rawToDerEcdsaSignature / derToRawEcdsaSignature', () => {
  it('encodes small r and s as minimal INTEGERs', () => {
    const raw = new Uint8Array(64);
    raw[31] = 0x01;
    raw[63] = 0x7f;
    const der = rawToDerEcdsaSignature(raw);
    expect([...der]).toEqual([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x7f]);
    expect(derToRawEcdsaSignature(der)).toEqual(raw);
  });

  it('puts a 0x00 sign byte in front of an integer whose high bit is set', () => {
    const raw = new Uint8Array([...filled(32, 0x80), ...filled(32, 0x11)]);
    const der = rawToDerEcdsaSignature(raw);
    expect([...der.subarray(0, 5)]).toEqual([0x30, 0x45, 0x02, 0x21, 0x00]);
    expect(der[37]).toBe(0x02);
    expect(der[38]).toBe(0x20);
    expect(der).toHaveLength(71);
    expect(derToRawEcdsaSignature(der)).toEqual(raw);
  });

  it('left-pads short integers (leading zero bytes in r or s) back to 32 bytes', () => {
    const raw = new Uint8Array([0, 0, 0x05, ...filled(29, 0x42), 0, 0x90, ...filled(30, 0x01)]);
    const der = rawToDerEcdsaSignature(raw);
    expect([...der.subarray(0, 4)]).toEqual([0x30, der.length - 2, 0x02, 30]);
    expect(derToRawEcdsaSignature(der)).toEqual(raw);
  });

  it('round-trips random signatures', () => {
    for (let round = 0; round < 200; round++) {
      const raw = crypto.getRandomValues(new Uint8Array(64));
      if (round % 3 === 0) raw[0] = 0;
      if (round % 5 === 0) raw[32] = 0xff;
      expect(derToRawEcdsaSignature(rawToDerEcdsaSignature(raw))).toEqual(raw);
    }
  });

  it('uses the 0x81 long length form for P-521-sized signatures', () => {
    const raw = new Uint8Array([0x01, ...filled(65, 0xee), 0x01, ...filled(65, 0xdd)]);
    const der = rawToDerEcdsaSignature(raw);
    expect([...der.subarray(0, 3)]).toEqual([0x30, 0x81, 0x88]);
    expect(derToRawEcdsaSignature(der, 66)).toEqual(raw);
  });

  it('refuses a raw signature of odd or zero length', () => {
    expect(() => rawToDerEcdsaSignature(new Uint8Array(63))).toThrow('A raw ECDSA signature is r‖s of equal sizes; got 63 bytes');
    expect(() => rawToDerEcdsaSignature(new Uint8Array(0))).toThrow('got 0 bytes');
  });
});

describe('derToRawEcdsaSignature refuses malformed DER', () => {
  const refusals: [string, number[], string][] = [
    ['empty input', [], 'it ends before the SEQUENCE tag'],
    ['not a SEQUENCE', [0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01], 'it does not start with a SEQUENCE'],
    ['a SEQUENCE length that overstates', [0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01], 'the SEQUENCE says 7 bytes but 6 follow'],
    ['trailing bytes after the SEQUENCE', [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00], 'the SEQUENCE says 6 bytes but 7 follow'],
    ['bytes after s inside the SEQUENCE', [0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00], 'there are bytes after s'],
    ['r not an INTEGER', [0x30, 0x06, 0x04, 0x01, 0x01, 0x02, 0x01, 0x01], 'r is not an INTEGER'],
    ['an empty INTEGER', [0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01], 'r is empty'],
    ['a negative INTEGER', [0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01], 'r is negative'],
    ['a superfluous leading zero', [0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02, 0x00, 0x01], 's has a superfluous leading zero'],
    ['a zero integer', [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01], 'r is zero'],
    ['s running past the end', [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x05, 0x01], 's runs past the end'],
    ['s missing', [0x30, 0x03, 0x02, 0x01, 0x01], 'it ends before INTEGER s'],
    ['an indefinite length', [0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00, 0x00], 'the SEQUENCE length uses an unsupported form (0x80)'],
    ['a non-minimal long length', [0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01], 'the SEQUENCE length is not minimally encoded'],
    ['r longer than 32 bytes', [0x30, 0x26, 0x02, 0x21, 0x01, ...filled(32, 0x01), 0x02, 0x01, 0x01], 'r is longer than 32 bytes'],
  ];
  for (const [name, bytes, detail] of refusals) {
    it(`refuses ${name}`, () => {
      expect(() => derToRawEcdsaSignature(new Uint8Array(bytes))).toThrow(`Malformed ECDSA signature (DER): ${detail}`);
    });
  }
});
