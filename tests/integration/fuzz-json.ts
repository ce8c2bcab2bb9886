import fc from 'fast-check';

// Building blocks for hostile request bodies. JSON.stringify cannot write what an attacker
// can: duplicate keys, integers beyond 2^53, 1e400, an own "__proto__" key. So bodies are
// built as a small tree with two markers and written by `writeJson`.

/** JSON text written verbatim (numbers JavaScript cannot hold, broken fragments). */
export class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** An object as its list of members: keys may repeat and may be "__proto__". */
export class Members {
  readonly entries: readonly (readonly [string, Hostile])[];
  constructor(entries: readonly (readonly [string, Hostile])[]) {
    this.entries = entries;
  }
}

export type Hostile = null | boolean | number | string | Raw | Members | Hostile[] | { [key: string]: Hostile };

export function writeJson(value: Hostile): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Members) return `{${value.entries.map(([key, member]) => `${JSON.stringify(key)}:${writeJson(member)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(writeJson).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([key, member]) => `${JSON.stringify(key)}:${writeJson(member)}`).join(',')}}`;
  // JSON.stringify escapes lone surrogates as \udXXX (well-formed JSON.stringify).
  return JSON.stringify(value);
}

// Keys that mean something to JavaScript objects: a parser or merge that assigns them
// naively changes prototypes.
export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

/** Objects whose only job is to pollute Object.prototype if handled naively. */
export const pollutingObjects: Hostile[] = [
  new Members([['__proto__', { polluted: 'yes', isAdmin: true, roles: ['admin'] }]]),
  new Members([['constructor', { prototype: { polluted: 'yes' } }]]),
  new Members([['prototype', { polluted: 'yes' }]]),
  new Members([['__proto__', new Members([['__proto__', { polluted: 'deep' }]])]]),
  new Members([['__proto__', null]]),
  new Members([['toString', 'not a function'], ['valueOf', 1], ['hasOwnProperty', 'x']]),
];

export const rawNumbers = ['9007199254740993', '-9007199254740993', '18446744073709551616', '1e400', '-1e400', '123456789012345678901234567890', '0.1e999', '-0', '1e-400'];

export const loneSurrogates = ['\ud800', 'a\udfffb', '\udc00\ud800', 'x\ud83d'];

export const markupStrings = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE packages; --",
  '${7*7}{{7*7}}',
  '\u202e\u0000\u001f',
  '../../../../etc/passwd',
];

/** A nested document of `depth` arrays or objects, written directly (far deeper than any stack allows to build as values). */
export function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
}

const hostileKey = fc.oneof(fc.constantFrom(...prototypeKeys), fc.string({ maxLength: 12 }), fc.constantFrom(...loneSurrogates, '', 'a\u0000b'));

/** A hostile scalar: wrong types, unsafe numbers, lone surrogates, NUL, markup, long text. */
export const hostileScalar: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...rawNumbers).map((text) => new Raw(text)),
  fc.constantFrom(...loneSurrogates),
  fc.constantFrom('\u0000', 'a\u0000b', '\u0000'.repeat(64)),
  fc.constantFrom(...markupStrings),
  fc.integer({ min: 1_000, max: 300_000 }).map((length) => 'x'.repeat(length)),
);

/** Any hostile JSON value, a few levels deep, with prototype keys and duplicate members. */
export const hostileValue: fc.Arbitrary<Hostile> = fc.letrec<{ value: Hostile; container: Hostile }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileScalar, tie('container'), fc.constantFrom(...pollutingObjects)),
  container: fc.oneof(
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries) => new Members(entries)),
    // The same key twice, the second with another value.
    fc.tuple(hostileKey, tie('value'), tie('value')).map(([key, a, b]) => new Members([[key, a], [key, b]])),
  ),
})).value;

/** A replacement for a field that cannot be right for it: another JSON type than it has. */
export function wrongTypeFor(original: unknown): fc.Arbitrary<Hostile> {
  const options: Hostile[] = [null, true, 0, -1, 1.5, '', 'text', [], {}, [null], { x: 1 }];
  const differentType = options.filter((option) => typeOf(option) !== typeOf(original));
  return fc.constantFrom(...differentType);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Every path (as keys) into a JSON value, the root included. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = value;
  for (const segment of path) current = (current as Record<string | number, unknown>)[segment];
  return current;
}

/**
 * A copy of `base` (plain JSON) as a Hostile tree with the value at `path` replaced, or
 * removed when `replacement` is undefined.
 */
export function replaceAt(base: unknown, path: readonly (string | number)[], replacement: Hostile | undefined): Hostile | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(base)) {
    const copy = base.map((item) => item as Hostile);
    const index = head as number;
    const next = replaceAt(base[index], rest, replacement);
    if (next === undefined) copy.splice(index, 1);
    else copy[index] = next;
    return copy;
  }
  const entries: [string, Hostile][] = [];
  for (const [key, item] of Object.entries(base as Record<string, unknown>)) {
    if (key !== head) {
      entries.push([key, item as Hostile]);
      continue;
    }
    const next = replaceAt(item, rest, replacement);
    if (next !== undefined) entries.push([key, next]);
  }
  return new Members(entries);
}
