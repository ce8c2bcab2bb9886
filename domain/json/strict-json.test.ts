import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStrictJson } from './strict-json.ts';
import type { JsonProblem, StrictJsonOptions } from './strict-json.ts';
import type { JsonValue } from './json-value.ts';

function parsed(text: string, options?: StrictJsonOptions): JsonValue {
  const result = parseStrictJson(text, options);
  if (!result.ok) throw new Error(`Expected ${JSON.stringify(text)} to parse: ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problems(text: string, options?: StrictJsonOptions): JsonProblem[] {
  const result = parseStrictJson(text, options);
  if (result.ok) throw new Error(`Expected ${JSON.stringify(text)} to be refused`);
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

function onlyProblem(text: string, options?: StrictJsonOptions): JsonProblem {
  const found = problems(text, options);
  expect(found).toHaveLength(1);
  return found[0] as JsonProblem;
}

function prototypesAreObjectPrototype(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  return Object.getPrototypeOf(value) === expected && Object.values(value).every(prototypesAreObjectPrototype);
}

describe('parseStrictJson: duplicate keys', () => {
  it('refuses a duplicate key', () => {
    expect(problems('{"name":"a","name":"b"}')).toEqual([
      { path: '/name', code: 'duplicate_key', message: 'Duplicate key "name" (JSON object keys must be unique)' },
    ]);
  });

  it('reports every duplicate, nested ones included, each with its path, in document order', () => {
    const text = '{"x":{"k":1,"k":2,"k":3},"list":[{"id":1},{"id":1,"id":2}],"x":0,"a/b":{"~":1,"~":2}}';
    expect(problems(text).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '/x/k', code: 'duplicate_key' },
      { path: '/x/k', code: 'duplicate_key' },
      { path: '/list/1/id', code: 'duplicate_key' },
      { path: '/x', code: 'duplicate_key' },
      { path: '/a~1b/~0', code: 'duplicate_key' },
    ]);
  });

  it('keeps reporting after a duplicate until a syntax error stops it', () => {
    const found = problems('{"a":1,"a":2,"b":[1,,2],"b":3}');
    expect(found.map((p) => p.code)).toEqual(['duplicate_key', 'syntax']);
    expect(found[1]?.path).toBe('/b/1');
  });

  it('treats keys that only look alike as different', () => {
    expect(parsed('{"a":1,"A":2,"a ":3,"\\u0061b":4,"ab ":5}')).toEqual({ a: 1, A: 2, 'a ': 3, ab: 4, 'ab ': 5 });
    expect(problems('{"a":1,"\\u0061":2}')[0]?.code).toBe('duplicate_key');
  });
});

describe('parseStrictJson: lone surrogates', () => {
  it('refuses escaped lone surrogates in strings, with the path', () => {
    for (const escaped of ['\\ud800', '\\uDBFF', '\\udc00', 'a\\ud83dx', '\\ude00\\ud83d']) {
      const problem = onlyProblem(`{"sections":[{"markdown":"${escaped}"}]}`);
      expect(problem.code).toBe('lone_surrogate');
      expect(problem.path).toBe('/sections/0/markdown');
      expect(problem.message).toMatch(/lone surrogate \(U\+D[89A-F][0-9A-F]{2}/);
    }
  });

  it('refuses raw lone surrogates', () => {
    expect(onlyProblem('["\uD800"]')).toMatchObject({ code: 'lone_surrogate', path: '/0' });
  });

  it('refuses lone surrogates in keys', () => {
    const problem = onlyProblem('{"a":{"\\udfff":1}}');
    expect(problem).toMatchObject({ code: 'lone_surrogate', path: '/a/\uFFFD' });
    expect(problem.message).toMatch(/^Object key contains a lone surrogate \(U\+DFFF/);
  });

  it('accepts surrogate pairs, escaped or raw', () => {
    expect(parsed('["\\ud83d\\ude00", "\uD83D\uDE00", "\\uD83D\uDE00"]')).toEqual(['😀', '😀', '😀']);
  });

  it('reports every lone surrogate', () => {
    expect(problems('["\\ud800", "ok", "\\udc00"]').map((p) => p.path)).toEqual(['/0', '/2']);
  });
});

describe('parseStrictJson: depth', () => {
  const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('allows 64 levels by default and refuses 65', () => {
    expect(parseStrictJson(nested(64)).ok).toBe(true);
    const problem = onlyProblem(nested(65));
    expect(problem.code).toBe('too_deep');
    expect(problem.path).toBe('/0'.repeat(64));
    expect(problem.message).toMatch(/deeper than 64 levels/);
  });

  it('counts objects and arrays alike', () => {
    expect(onlyProblem('{"a":[{"b":[]}]}', { maxDepth: 3 })).toMatchObject({ code: 'too_deep', path: '/a/0/b' });
    expect(parseStrictJson('{"a":[{"b":1}]}', { maxDepth: 3 }).ok).toBe(true);
    expect(parseStrictJson('1', { maxDepth: 0 }).ok).toBe(true);
    expect(onlyProblem('{}', { maxDepth: 0 })).toMatchObject({ code: 'too_deep', path: '' });
  });

  it('stops early on hostile nesting instead of overflowing the stack', () => {
    expect(onlyProblem('['.repeat(1_000_000)).code).toBe('too_deep');
  });

  it('refuses an invalid maxDepth', () => {
    expect(() => parseStrictJson('1', { maxDepth: -1 })).toThrow(RangeError);
    expect(() => parseStrictJson('1', { maxDepth: 1.5 })).toThrow(RangeError);
    expect(() => parseStrictJson('1', { maxDepth: 1001 })).toThrow(RangeError);
    expect(parseStrictJson(`${'['.repeat(1000)}${']'.repeat(1000)}`, { maxDepth: 1000 }).ok).toBe(true);
  });
});

describe('parseStrictJson: numbers', () => {
  it('refuses integer literals beyond Number.MAX_SAFE_INTEGER that are not the RFC 8785 text of their double', () => {
    for (const [literal, reads] of [
      ['9007199254740993', 'would read as 9007199254740992 and lose precision'],
      ['-9007199254740993', 'would read as -9007199254740992 and lose precision'],
      ['12345678901234567890', 'would read as 12345678901234567000 and lose precision'],
      ['123456789012345678901', 'would read as 123456789012345680000 and lose precision'],
      // 1e21 and up are written with an exponent by RFC 8785, never as digits.
      ['1000000000000000000000', 'would read as 1e+21 and lose precision'],
      ['1' + '0'.repeat(400), 'is beyond the range of a 64-bit float'],
    ]) {
      const problem = onlyProblem(`{"n":${literal}}`);
      expect(problem).toMatchObject({ code: 'unsafe_integer', path: '/n' });
      expect(problem.message).toContain(`beyond ±9007199254740991 and is not how RFC 8785 writes any 64-bit float: it ${reads} (send it as a string)`);
    }
    expect(onlyProblem('9007199254740993').message).toBe(
      'Integer 9007199254740993 is beyond ±9007199254740991 and is not how RFC 8785 writes any 64-bit float: it would read as 9007199254740992 and lose precision (send it as a string)',
    );
    expect(problems('[9007199254740992, 1, 9007199254740993]').map((p) => p.path)).toEqual(['/2']);
  });

  it('takes an integer beyond 2^53 written exactly as RFC 8785 writes its double (1e16 exported as digits)', () => {
    const literals = ['10000000000000000', '123456789012345680000', '9007199254740992', '-9007199254740994', '18014398509481984', '999999999999999900000'];
    for (const literal of literals) {
      expect(String(Number(literal))).toBe(literal);
      expect(parsed(`{"n":${literal}}`)).toEqual({ n: Number(literal) });
    }
    expect(parsed('10000000000000000')).toBe(1e16);
    expect(parsed('123456789012345680000')).toBe(1.2345678901234568e20);
  });

  it('accepts safe integers and numbers with a fraction or an exponent', () => {
    expect(parsed('[9007199254740991, -9007199254740991, 1e300, 9007199254740993.0, 2e-400]')).toEqual([
      9007199254740991, -9007199254740991, 1e300, 9007199254740992, 0,
    ]);
  });

  it('reads every integer size exactly', () => {
    const literals = ['0', '7', '999999999999999', '1000000000000000', '4503599627370497', '9007199254740990'];
    for (const literal of literals) {
      expect(parsed(literal)).toBe(JSON.parse(literal));
      expect(parsed(`-${literal}`)).toBe(JSON.parse(`-${literal}`));
    }
    expect(Object.is(parsed('-0'), -0)).toBe(true);
  });

  it('reads numbers like JSON.parse', () => {
    const literals = ['0.1', '-0.0', '1.5e3', '1E-7', '1e+2', '0e0', '123.456e-78', '333333333.33333329', '0.000000000000000000000000001', '5e-324', '1.7976931348623157e308'];
    for (const literal of literals) expect(Object.is(parsed(literal), JSON.parse(literal))).toBe(true);
  });
});

describe('parseStrictJson: syntax', () => {
  const cases: [text: string, message: string, path: string][] = [
    ['', 'Unexpected end of input at line 1, column 1', ''],
    ['  \n ', 'Unexpected end of input at line 2, column 2', ''],
    ['\uFEFF{}', 'Unexpected character U+FEFF at line 1, column 1 (a byte order mark is not allowed)', ''],
    ['[1,2,]', 'Unexpected character "]" at line 1, column 6 (trailing commas are not allowed)', ''],
    ['{"a":1,}', 'Unexpected character "}" at line 1, column 8 (trailing commas are not allowed)', ''],
    ['[1,,2]', 'Unexpected character "," at line 1, column 4', '/1'],
    ['[1 2]', 'Unexpected character "2" at line 1, column 4', ''],
    ['{"a":1 "b":2}', `Unexpected character '"' at line 1, column 8`, ''],
    ['{"a" 1}', 'Unexpected character "1" at line 1, column 6', '/a'],
    ['{a:1}', 'Unexpected character "a" at line 1, column 2', ''],
    ["{'a':1}", `Unexpected character "'" at line 1, column 2 (strings and keys must use double quotes)`, ''],
    ['[1] // note', 'Unexpected character "/" at line 1, column 5 (comments are not allowed)', ''],
    ['/* c */ 1', 'Unexpected character "/" at line 1, column 1 (comments are not allowed)', ''],
    ['{"a":NaN}', 'Unexpected character "N" at line 1, column 6 (NaN is not JSON)', '/a'],
    ['[-Infinity]', 'Unexpected character "I" at line 1, column 3', '/0'],
    ['01', 'Leading zeros are not allowed in numbers at line 1, column 2', ''],
    ['-01', 'Leading zeros are not allowed in numbers at line 1, column 3', ''],
    ['0x10', 'Unexpected character "x" at line 1, column 2', ''],
    ['1.', 'Unexpected end of input at line 1, column 3', ''],
    ['.5', 'Unexpected character "." at line 1, column 1', ''],
    ['+1', 'Unexpected character "+" at line 1, column 1', ''],
    ['1e', 'Unexpected end of input at line 1, column 3', ''],
    ['1e+', 'Unexpected end of input at line 1, column 4', ''],
    ['-', 'Unexpected end of input at line 1, column 2', ''],
    ['tru', 'Unexpected end of input at line 1, column 4', ''],
    ['[nul]', 'Unexpected character "]" at line 1, column 5', '/0'],
    ['True', 'Unexpected character "T" at line 1, column 1', ''],
    ['"abc', 'Unterminated string at line 1, column 5', ''],
    ['"a\tb"', 'Unescaped control character U+0009 in a string at line 1, column 3', ''],
    ['["a\nb"]', 'Unescaped control character U+000A in a string at line 1, column 4', '/0'],
    ['"\\x"', 'Invalid escape "\\x" in a string at line 1, column 2', ''],
    ["\"\\'\"", `Invalid escape "\\'" in a string at line 1, column 2`, ''],
    ['"\\u12G4"', 'Invalid \\u escape in a string at line 1, column 6', ''],
    ['"\\u12"', 'Invalid \\u escape in a string at line 1, column 6', ''],
    ['"\\', 'Unterminated string at line 1, column 2', ''],
    ['1 2', 'Unexpected character "2" at line 1, column 3 (only one top-level value is allowed)', ''],
    ['{}{}', 'Unexpected character "{" at line 1, column 3', ''],
    ['[1]\u00a0', 'Unexpected character "\u00a0" (U+00A0) at line 1, column 4', ''],
    ['[\u000b1]', 'Unexpected character U+000B at line 1, column 2', '/0'],
    ['{\n  "a": 1,\n  "b": }', 'Unexpected character "}" at line 3, column 8', '/b'],
    ['{\r\n  "a": [\r\n    1,\r\n    x\r\n  ]\r\n}', 'Unexpected character "x" at line 4, column 5', '/a/1'],
  ];

  for (const [text, message, path] of cases) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      const problem = onlyProblem(text);
      expect(problem.code).toBe('syntax');
      expect(problem.message.startsWith(message)).toBe(true);
      expect(problem.path).toBe(path);
    });
  }

  it('stops at the first syntax error', () => {
    expect(problems('[1,,2,,3]')).toHaveLength(1);
  });
});

describe('parseStrictJson: prototypes', () => {
  it('makes "__proto__" and "constructor" ordinary own properties', () => {
    const value = parsed('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"nested":[{"__proto__":[]}]}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    const record = value as Record<string, unknown>;
    expect(Object.keys(record)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')).toEqual({ value: { polluted: true }, writable: true, enumerable: true, configurable: true });
    expect(Object.hasOwn(record, 'constructor')).toBe(true);
    expect(record.polluted).toBeUndefined();
    const nested = (record.nested as Record<string, unknown>[])[0] ?? {};
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.hasOwn(nested, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // toEqual, not toStrictEqual: the latter compares .constructor, which is an own key here.
    expect(value).toEqual(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"nested":[{"__proto__":[]}]}'));
  });

  it('treats inherited names as ordinary keys, including for duplicates', () => {
    expect(parsed('{"toString":1,"hasOwnProperty":2,"valueOf":3}')).toEqual({ toString: 1, hasOwnProperty: 2, valueOf: 3 });
    expect(problems('{"__proto__":1,"__proto__":2}')).toEqual([
      { path: '/__proto__', code: 'duplicate_key', message: 'Duplicate key "__proto__" (JSON object keys must be unique)' },
    ]);
  });
});

describe('parseStrictJson: agrees with JSON.parse on valid JSON', () => {
  const documents = [
    'null',
    'true',
    ' false ',
    '0',
    '-0',
    '"plain"',
    '""',
    '"escapes: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u001f \\u00e9 \\u20AC \\uD83D\\uDE00"',
    '"raw unicode: é € 😀 \u007f \u0080 \u2028 \u2029"',
    '[]',
    '{}',
    '[[[]], {}, [{}]]',
    '{"":"empty key","a":{"b":{"c":[1,2,{"d":null}]}}}',
    ' \t\n\r{ \t\n\r"a" \t\n\r: \t\n\r[ \t\n\r1 \t\n\r, \t\n\r2 \t\n\r] \t\n\r} \t\n\r',
    '[1.5, -2.25e-3, 1E10, 1e+2, 0.0, 10, 100000000000000000000.0, 1e21]',
    `{"long":"${'x'.repeat(100_000)}","escaped":"${'\\n'.repeat(1000)}"}`,
  ];

  for (const text of documents) {
    it(`parses ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(parsed(text)).toStrictEqual(JSON.parse(text));
    });
  }

  it('parses any JSON.stringify output like JSON.parse', () => {
    fc.assert(
      // fast-check's keys include "__proto__", "constructor", "toString"… on purpose.
      fc.property(fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: 'binary' })), fc.boolean(), (value, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        const result = parseStrictJson(text);
        // JSON.stringify writes doubles from 2^53 up to 1e21 as integer literals: taken, as RFC 8785 writes them.
        // toEqual, not toStrictEqual: the latter trips on own "constructor" keys.
        expect(result).toEqual({ ok: true, value: JSON.parse(text) as JsonValue });
        if (result.ok) expect(prototypesAreObjectPrototype(result.value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('numbers beyond a double', () => {
  it('refuses 1e400 instead of turning it into Infinity', () => {
    const result = parseStrictJson('{"a":[1e400]}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'number_out_of_range', path: '/a/0' });
  });
});

describe('parseStrictJson: NUL characters', () => {
  it('accepts an escaped NUL by default, as RFC 8259 does', () => {
    expect(parsed('{"a\\u0000":"b\\u0000c"}')).toEqual({ 'a\u0000': 'b\u0000c' });
  });

  it('refuses escaped NULs in strings and keys with allowNul: false, each with its path', () => {
    expect(problems('{"a":["x\\u0000"],"k\\u0000":1,"ok":"\\u0001"}', { allowNul: false }).map((p) => [p.code, p.path])).toEqual([
      ['nul_character', '/a/0'],
      ['nul_character', '/k\u0000'],
    ]);
  });

  it('refuses a raw NUL in a string as a control character either way', () => {
    expect(onlyProblem('"a\u0000b"').code).toBe('syntax');
  });
});
