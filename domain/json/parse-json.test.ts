import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJson } from './parse-json.ts';
import { canonicalize } from './canonicalize.ts';

// Each case builds its text with keys of its own, so no case depends on an earlier one (or on
// other test files) having taught V8 a key: the bug's trigger and its victim are in one text.
let unique = 0;
const fresh = (): string => `k${String(unique++)}`;

/** Two objects with the same key first: the first has `taught` second, the other `asked`. */
function taughtThenAsked(taught: string, asked: string): { text: string; expected: { a: Record<string, number>; b: Record<string, number> } } {
  const first = fresh();
  const expected = { a: { [first]: 1, [taught]: 0 }, b: { [first]: 1, [asked]: 2 } };
  return { text: JSON.stringify(expected), expected };
}

describe('parseJson', () => {
  it.each([
    ['\\', '"'],
    ['\\', '\n'],
    ['\\', '\r'],
    ['\\', '\f'],
    ['\\', '\t'],
    ['a\\', 'a"'],
    ['é\\', 'é"'],
  ])('after an object with the key %j, reads %j in its place (V8’s JSON.parse reads the first)', (taught, asked) => {
    const { text, expected } = taughtThenAsked(taught, asked);
    const parsed = parseJson(text) as typeof expected;
    expect(Object.keys(parsed.b)).toEqual(Object.keys(expected.b));
    expect(parsed).toEqual(expected);
  });

  it('reads a text without a backslash as JSON.parse does', () => {
    const text = '{"b":[1,2.5,-0,1e300,"x"],"a":{"__proto__":{"polluted":true}},"10":null,"2":true}';
    const reference: unknown = JSON.parse(text);
    const parsed = parseJson(text);
    expect(parsed).toEqual(reference);
    expect(Object.keys(parsed as object)).toEqual(['2', '10', 'b', 'a']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads an own "__proto__" key with an escape as an ordinary member', () => {
    const parsed = parseJson('{"__proto__":{"polluted":"\\n"}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual({ polluted: '\n' });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each(['', '{', '{"a":1,}', '["\\x"]', '{"a":"\\n"} x', 'nul'])('refuses %j with a SyntaxError, as JSON.parse does', (text) => {
    expect(() => parseJson(text)).toThrow(SyntaxError);
  });

  it.each([
    ['a duplicate key: the last value, at the first one’s place', '{"a":"\\n","b":0,"a":2}'],
    ['a lone surrogate', '["\\ud800","\\udc00x"]'],
    ['integers past 2^53 and numbers past the float range', '["\\n",12345678901234567890,-1e400,1e400,-0]'],
    ['an escaped "__proto__" key', '{"\\u005f_proto__":{"x":"\\n"}}'],
  ])('reads %s as JSON.parse does', (_, text) => {
    // The same text read by JSON.parse in a fresh state: no key of it is escaped but "__proto__".
    expect(parseJson(text)).toStrictEqual(JSON.parse(text));
    expect(Object.keys(parseJson(text) as object)).toEqual(Object.keys(JSON.parse(text) as object));
  });

  it('returns every value’s keys as written, after texts that taught V8 any escaped key', () => {
    const key = fc.string({ unit: fc.constantFrom('\\', '"', '\n', '\r', '\f', '\t', 'a', 'é', '\u0001'), maxLength: 3 });
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), tie('object'), fc.array(tie('any'), { maxLength: 3 })),
      object: fc.dictionary(key, tie('any'), { maxKeys: 4 }),
    })).any;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), (values) => {
        // One text holding them all, so each value's objects follow the ones before them.
        const text = JSON.stringify(values);
        expect(canonicalize(parseJson(text))).toBe(canonicalize(values));
      }),
      { numRuns: 500 },
    );
  });
});
