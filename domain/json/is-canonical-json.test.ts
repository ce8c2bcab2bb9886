import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonicalize.ts';
import { isCanonicalJson } from './is-canonical-json.ts';

// isCanonicalJson is a promise the full integrity check relies on: when it says true, the
// stored text is hashed as it is, so it must be exactly canonicalize(JSON.parse(text)).
// Each text is held to that (a true for a non-canonical text would let a check hash other
// bytes than the entry's canonical ones), and canonical texts in the usual forms must pass
// (else the fast path is never taken).

/** The property: a true means the text is its own canonical form. */
function holds(text: string): boolean {
  const said = isCanonicalJson(text);
  if (said) {
    expect(canonicalize(JSON.parse(text) as unknown), text).toBe(text);
  }
  return said;
}

describe('isCanonicalJson', () => {
  it('says true for what canonicalize writes for the usual audit values', () => {
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      -1,
      42,
      1.5,
      -0.000123,
      1e21,
      1e-7,
      123456789012345680000,
      '',
      'plain',
      'Prüfung — ✓ ok 😀',
      'quote " backslash \\ tab \t newline \n return \r backspace \b formfeed \f',
      '/slashes/ and \u2028 \u007f',
      [],
      {},
      [1, 'two', null, [3], { four: 4 }],
      { packageId: 'pkg_1', status: 'approved', version: 3, reviewers: ['a', 'b'], nested: { z: 1, a: [{ y: true, b: null }] } },
      { '': 0, A: 1, a: 2, é: 3, '😀': 4, '\uff61': 5 },
      { 10: 'ten', 9: 'nine', 1: 'one', b: 'b' },
    ];
    for (const value of values) expect(holds(canonicalize(value)), canonicalize(value)).toBe(true);
  });

  it('says false for every other way of writing the same value, and for texts that are not JSON', () => {
    const texts = [
      '{"b":1,"a":2}', // keys out of order
      '{"a":1,"a":1}', // a duplicate key
      '{"a": 1}', // white space
      ' 1',
      '[1, 2]',
      '1.0',
      '1e3',
      '1E21',
      '-0',
      '01',
      '100000000000000000000000', // 1e+23
      '0.1000',
      '"\\u0041"', // an escape JSON.stringify does not write
      '"\\/"',
      '"\\u001f"', // what it does write for a control character: left to the slow path
      '"\u0001"', // a raw control character
      '"\ud800"', // a lone surrogate (canonicalize refuses it)
      '"\udc00x"',
      '{"\\n":1}', // a key with an escape
      '{"__proto__":1}',
      '{"a":1}x',
      '{"a":1',
      '{"a"}',
      '[1,]',
      '{,}',
      'nul',
      'True',
      '',
      '"unterminated',
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    ];
    for (const text of texts) expect(holds(text), text).toBe(false);
  });

  it('never says true for a text that is not its own canonical form, over many generated texts', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const atoms = ['0', '-0', '1', '10', '1.5', '1.50', '2e2', '1e21', '1e+21', '-3', 'null', 'true', 'false', '"a"', '"b\\"c"', '"\\u0062"', '"é"', '""'];
    const keys = ['"a"', '"b"', '"B"', '"aa"', '""', '"10"', '"9"', '"é"', '"a"'];
    const build = (depth: number): string => {
      const kind = depth > 2 ? 0 : Math.floor(random() * 3);
      if (kind === 0) return pick(atoms);
      const count = Math.floor(random() * 4);
      const items = Array.from({ length: count }, () => build(depth + 1));
      if (kind === 1) return `[${items.join(pick([',', ',', ', ']))}]`;
      return `{${items.map((item) => `${pick(keys)}${pick([':', ':', ': '])}${item}`).join(',')}}`;
    };
    let canonical = 0;
    for (let index = 0; index < 5_000; index++) if (holds(build(0))) canonical++;
    // Both answers occur, so the property was put to the test both ways.
    expect(canonical).toBeGreaterThan(500);
    expect(canonical).toBeLessThan(4_500);
  });
});
