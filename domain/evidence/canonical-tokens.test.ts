import { describe, expect, it } from 'vitest';
import { nonCanonicalTokens } from './canonical-tokens.ts';

describe('nonCanonicalTokens', () => {
  it('finds nothing in what JSON.stringify writes, indented or not', () => {
    const value = { a: [0, -1, 1.5, 1e-7, 1e21, -0.000001, 123456789012345680], s: 'quote " backslash \\ tab \t control \u001f é 😀', nested: { e: 'e', n: null, t: true } };
    expect(nonCanonicalTokens(JSON.stringify(value))).toEqual([]);
    expect(nonCanonicalTokens(JSON.stringify(value, null, '\t'))).toEqual([]);
  });

  it('finds the single-bit flips that keep the value: exponent letter and escape-digit case', () => {
    expect(nonCanonicalTokens('{"a":1E-7}')).toEqual([{ offset: 5, line: 1, column: 6, found: '1E-7', expected: '1e-7' }]);
    expect(nonCanonicalTokens('["\\u001F"]')).toEqual([{ offset: 1, line: 1, column: 2, found: '"\\u001F"', expected: '"\\u001f"' }]);
  });

  it('finds other ways of writing the same value, with their line and column', () => {
    const found = nonCanonicalTokens('{\n  "a": 1.0,\n  "b": -0,\n  "c": "\\/",\n  "d": 1e2\n}');
    expect(found.map(({ line, column, found: text, expected }) => [line, column, text, expected])).toEqual([
      [2, 8, '1.0', '1'],
      [3, 8, '-0', '0'],
      [4, 8, '"\\/"', '"/"'],
      [5, 8, '1e2', '100'],
    ]);
  });

  it('stops at the limit', () => {
    expect(nonCanonicalTokens('[1.0,2.0,3.0]', 2)).toHaveLength(2);
  });
});
