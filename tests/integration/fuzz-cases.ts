import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { parseStrictJson } from '#domain/json/strict-json.ts';
import type { RouteDef } from '#api/routes.ts';
import type { ValidInput } from './fuzz-fixtures.ts';
import { deepNesting, hostileValue, loneSurrogates, markupStrings, Members, pathsOf, pollutingObjects, prototypeKeys, Raw, rawNumbers, replaceAt, valueAt, writeJson, wrongTypeFor, type Hostile } from './fuzz-json.ts';

// Hostile requests for one route: its path parameters, its query and its body, each
// broken while the other two stay valid, so every case reaches the check it aims at.

export interface FuzzCase {
  /** What kind of hostility, for the tally. */
  kind: string;
  /** Short enough to print. */
  label: string;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  contentType: string | null;
  extraHeaders: Record<string, string>;
  body: string | Uint8Array | null;
  /**
   * reject: must be answered 4xx. answer: the contract accepts it (a GET with odd but valid
   * query), so any answer but 5xx will do; it still must change nothing.
   */
  expect: 'reject' | 'answer';
}

export interface CaseOptions {
  seed: number;
  /** Random cases per part (params, query, body) of a route. */
  runs: number;
}

export interface CaseTally {
  cases: FuzzCase[];
  /** Random variants the contract accepts, so not hostile: not sent. */
  dropped: number;
}

const jsonType = 'application/json';

export function fillPath(path: string, encoded: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encoded[name] ?? 'missing');
}

const encodeAll = (params: Record<string, string>) => Object.fromEntries(Object.entries(params).map(([name, value]) => [name, encodeURIComponent(value)]));

function query(entries: Record<string, string>): string {
  const text = new URLSearchParams(entries).toString();
  return text ? `?${text}` : '';
}

function contractAcceptsBody(route: RouteDef, text: string): boolean {
  if (!route.body) return false;
  const parsed = parseStrictJson(text);
  return parsed.ok && route.body.safeParse(parsed.value).success;
}

/**
 * True when the value carries something no JSON reader of ours may accept whatever the
 * contract: a lone surrogate, a NUL, an integer beyond 2^53, a number beyond 1e308, a duplicate key.
 */
function structurallyHostile(value: Hostile): boolean {
  if (typeof value === 'string') return !value.isWellFormed() || value.includes('\u0000');
  if (value instanceof Raw) return value.text !== '-0' && value.text !== '1e-400';
  if (value instanceof Members) {
    const keys = value.entries.map(([key]) => key);
    return new Set(keys).size !== keys.length || keys.some((key) => structurallyHostile(key)) || value.entries.some(([, member]) => structurallyHostile(member));
  }
  if (Array.isArray(value)) return value.some(structurallyHostile);
  if (value !== null && typeof value === 'object') return Object.values(value).some(structurallyHostile);
  return false;
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part)));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

function bodyCases(route: RouteDef, input: ValidInput, options: CaseOptions): CaseTally {
  const url = fillPath(route.path, encodeAll(input.params)) + query(input.query);
  const cases: FuzzCase[] = [];
  let dropped = 0;
  const add = (kind: string, label: string, body: string | Uint8Array | null, extra: Partial<FuzzCase> = {}) => {
    cases.push({ kind, label, method: route.method, url, contentType: jsonType, extraHeaders: {}, body, expect: 'reject', ...extra });
  };
  /** Sends a variant only if the contract refuses it (or no reader may accept it). */
  const addIfRefused = (kind: string, label: string, value: Hostile) => {
    const text = writeJson(value);
    if (!structurallyHostile(value) && contractAcceptsBody(route, text)) {
      dropped++;
      return;
    }
    add(kind, label, text);
  };

  const valid = input.body;
  const validText = JSON.stringify(valid);
  const limit = route.maxBodyBytes;

  // Empty, blank, truncated.
  add('empty', 'empty body', '');
  add('empty', 'no body at all', null);
  add('empty', 'whitespace only', ' \n\t ');
  for (const cut of [1, Math.floor(validText.length / 2), validText.length - 1]) add('truncated', `valid body cut at ${cut}`, validText.slice(0, cut));
  // Wrong types at the top.
  for (const top of [null, true, 0, -1, 'text', [], [valid], new Raw('1e400'), new Raw('9007199254740993')] as Hostile[]) addIfRefused('wrong-type', `top-level ${writeJson(top).slice(0, 30)}`, top);
  // Deep nesting, on its own and inside the valid body.
  add('deep', '10,000 nested arrays', deepNesting(10_000, 'array'));
  add('deep', '10,000 nested objects', deepNesting(10_000, 'object'));
  const firstKey = Object.keys(valid as object)[0] ?? 'x';
  add('deep', `10,000 arrays in /${firstKey}`, writeJson(replaceAt(valid, [firstKey], new Raw(deepNesting(10_000, 'array'))) ?? null));
  // Duplicate keys: the same member twice, with the same and with another value.
  const validEntries = Object.entries(valid as Record<string, Hostile>);
  add('duplicate-key', `/${firstKey} twice, same value`, writeJson(new Members([...validEntries, [firstKey, (valid as Record<string, Hostile>)[firstKey] ?? null]])));
  add('duplicate-key', `/${firstKey} twice, other value`, writeJson(new Members([[firstKey, 'other'], ...validEntries])));
  // Prototype keys carrying a required member: a reader that assigned them naively would
  // see the member through the prototype chain and let the body through.
  for (const [key, member] of validEntries) {
    const rest = validEntries.filter(([other]) => other !== key);
    addIfRefused('prototype-key', `/${key} only under __proto__`, new Members([...rest, ['__proto__', new Members([[key, member]])]]));
    addIfRefused('prototype-key', `/${key} only under constructor.prototype`, new Members([...rest, ['constructor', { prototype: new Members([[key, member]]) }]]));
  }
  for (const polluting of pollutingObjects) addIfRefused('prototype-key', `polluting body ${writeJson(polluting).slice(0, 40)}`, polluting);
  // Encoding: NUL bytes, invalid UTF-8, escaped lone surrogates, a byte order mark.
  const firstString = pathsOf(valid).find((path) => typeof valueAt(valid, path) === 'string');
  if (firstString) {
    const at = firstString.join('/');
    add('nul', `raw NUL in /${at}`, writeJson(replaceAt(valid, firstString, new Raw('"a\u0000b"')) ?? null));
    add('nul', `escaped NUL in /${at}`, writeJson(replaceAt(valid, firstString, 'a\u0000b') ?? null));
    add('unicode', `escaped lone surrogate in /${at}`, writeJson(replaceAt(valid, firstString, '\ud800') ?? null));
    const [head = '', tail = ''] = writeJson(replaceAt(valid, firstString, 'SPLIT') ?? null).split('SPLIT');
    for (const [name, bad] of [
      ['0xFF', [0xff]],
      ['overlong "/"', [0xc0, 0xaf]],
      ['UTF-8 encoded surrogate', [0xed, 0xa0, 0x80]],
      ['truncated sequence', [0xe2, 0x82]],
      ['code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ] as [string, number[]][]) {
      add('unicode', `invalid UTF-8 (${name}) in /${at}`, bytes(head, bad, tail));
    }
  }
  add('unicode', 'byte order mark before the body', bytes([0xef, 0xbb, 0xbf], validText));
  add('unicode', 'UTF-16 body', Uint8Array.from(Buffer.from(`\ufeff${validText}`, 'utf16le')));
  // Wrong content types around the valid body: never read as JSON.
  for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/html', 'application/jsonp', 'application/json-seq', 'json', 'application/x-json', null]) {
    add('content-type', `valid body as ${type ?? 'no content type'}`, validText, { contentType: type });
  }
  // Sizes: at the limit (refused by the contract), one byte over, and an over-limit length declared up front.
  if (limit > 0 && limit <= 16 * 1024 * 1024) {
    const padAt = (size: number) => `{"pad":"${'x'.repeat(Math.max(0, size - 10))}"}`;
    add('size', `exactly ${limit} bytes`, padAt(limit));
    add('size', `${limit + 1} bytes`, padAt(limit + 1));
    add('size', `declared content-length ${limit + 1}`, validText, { extraHeaders: { 'content-length': String(limit + 1) } });
    add('size', 'padding beyond the limit in a valid body', writeJson(replaceAt(valid, [firstKey], 'x'.repeat(limit + 1)) ?? null));
  }

  // Random: one field of the valid body at a time, broken.
  const paths = pathsOf(valid).filter((path) => path.length > 0);
  const mutation = fc.constantFrom(...paths).chain((path) =>
    fc
      .oneof(
        { arbitrary: wrongTypeFor(valueAt(valid, path)), weight: 4 },
        { arbitrary: hostileValue, weight: 4 },
        { arbitrary: fc.constant<Hostile | undefined>(undefined), weight: 1 },
        { arbitrary: fc.constantFrom(...loneSurrogates, ...markupStrings, 'a\u0000b'), weight: 2 },
        { arbitrary: fc.constantFrom(...rawNumbers).map((text) => new Raw(text)), weight: 2 },
        { arbitrary: fc.integer({ min: 1, max: Math.max(2, Math.min(limit, 2_000_000)) }).map((n) => 'y'.repeat(n)), weight: 1 },
      )
      .map((replacement) => ({ path, replacement })),
  );
  for (const { path, replacement } of fc.sample(mutation, { seed: options.seed, numRuns: options.runs })) {
    const where = `/${path.join('/')}`;
    const how = replacement === undefined ? 'removed' : `= ${writeJson(replacement).slice(0, 40)}`;
    const value = replaceAt(valid, path, replacement) ?? null;
    addIfRefused('mutation', `${where} ${how}`, value);
  }
  // Random: whole hostile documents.
  for (const value of fc.sample(hostileValue, { seed: options.seed + 1, numRuns: Math.ceil(options.runs / 3) })) {
    addIfRefused('random-document', writeJson(value).slice(0, 60), value);
  }
  // Random: a member missing, and prototype keys with hostile values beside the others.
  const injection = fc.tuple(fc.constantFrom(...validEntries.map(([key]) => key)), fc.array(fc.tuple(fc.constantFrom(...prototypeKeys), hostileValue), { minLength: 1, maxLength: 3 }));
  for (const [missing, extra] of fc.sample(injection, { seed: options.seed + 2, numRuns: Math.ceil(options.runs / 3) })) {
    const value = new Members([...validEntries.filter(([key]) => key !== missing), ...extra]);
    addIfRefused('prototype-key', `without /${missing}, with ${extra.map(([key]) => key).join(', ')}`, value);
  }
  return { cases, dropped };
}

// Path segments as sent (already percent-encoded): traversal, NUL, broken escapes, huge,
// numbers JavaScript mangles, prototype names.
const hostileSegments = [
  '..', '.', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%2F', '%5C..%5C', '%00', 'a%00b', '%0A', '%20', '%EF%BB%BF1',
  'x'.repeat(65), 'x'.repeat(8_000), '%C3%BCn%C3%AFc%C3%B8d%C3%A9', '%F0%9F%98%80', '%E2%80%AE', '%ED%A0%80', '%', '%zz', '%E0%A4%A', '%C0%AF', '%FF',
  "'%20OR%201=1--", '%3Cscript%3E', '__proto__', 'constructor', 'prototype', 'hasOwnProperty',
  '-1', '0', '1e3', '0x10', 'NaN', 'Infinity', '9007199254740993', '1e400', '1.5', '%2B1',
];

function decodeSafely(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function schemaAccepts(schema: z.ZodType | null, value: unknown): { ok: true; data: unknown } | { ok: false } {
  if (!schema) return { ok: false };
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false };
}

function paramCases(route: RouteDef, input: ValidInput, options: CaseOptions): CaseTally {
  const cases: FuzzCase[] = [];
  let dropped = 0;
  const validParsed = schemaAccepts(route.params, input.params);
  const body = route.body ? JSON.stringify(input.body) : null;
  const randomSegments = fc.sample(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 30 }).filter((text) => text.isWellFormed()),
      fc.constantFrom(...markupStrings),
    ).map((text) => encodeURIComponent(text)),
    { seed: options.seed + 3, numRuns: options.runs },
  );
  for (const name of Object.keys(input.params)) {
    for (const segment of [...hostileSegments, ...randomSegments]) {
      const encoded = { ...encodeAll(input.params), [name]: segment };
      const decoded = decodeSafely(segment);
      const parsed = decoded === null ? { ok: false as const } : schemaAccepts(route.params, { ...input.params, [name]: decoded });
      // Another spelling of the valid parameters ("1.0" for 1) is not hostile.
      if (parsed.ok && validParsed.ok && isDeepStrictEqual(parsed.data, validParsed.data)) {
        dropped++;
        continue;
      }
      // A DELETE is idempotent: withdrawing what is not there may succeed, changing nothing.
      const expect = parsed.ok && route.method === 'DELETE' ? 'answer' : 'reject';
      cases.push({ kind: 'path-param', label: `{${name}} = ${segment.slice(0, 40)}`, method: route.method, url: fillPath(route.path, encoded) + query(input.query), contentType: body === null && route.method === 'GET' ? null : jsonType, extraHeaders: {}, body, expect });
    }
  }
  return { cases, dropped };
}

// Query values as sent (already encoded).
const hostileQueryValues = [
  '', '%20', 'x'.repeat(5_000), '-1', '0', '1e400', '9007199254740993', '1e3', 'NaN', 'Infinity', '0x10', '1.5', '%00', 'a%00b', '%ED%A0%80', '%', '%zz', '%FF',
  '__proto__', '%5B%5D', '%7B%7D', 'true', '%3Cscript%3E', '2024-02-30', '9999-99-99T99%3A99%3A99Z', '%E2%80%AE', '%2B1',
];
const hostileQueryExtras = ['__proto__=1', '__proto__%5Bpolluted%5D=1', 'constructor%5Bprototype%5D%5Bpolluted%5D=1', 'prototype=1', 'toString=1', 'hasOwnProperty=1', '&&&', '=', '%=%'];

function queryCases(route: RouteDef, input: ValidInput, options: CaseOptions): CaseTally {
  const cases: FuzzCase[] = [];
  const path = fillPath(route.path, encodeAll(input.params));
  const valid = new URLSearchParams(input.query).toString();
  const shape = route.query && 'shape' in route.query ? Object.keys(route.query.shape as Record<string, unknown>) : Object.keys(input.query);
  const add = (label: string, search: string) => {
    const url = `${path}?${search}`;
    const entries = Object.fromEntries(new URL(url, 'http://localhost').searchParams);
    cases.push({ kind: 'query', label, method: route.method, url, contentType: null, extraHeaders: {}, body: null, expect: schemaAccepts(route.query, entries).ok ? 'answer' : 'reject' });
  };
  for (const key of shape) {
    const others = new URLSearchParams(input.query);
    others.delete(key);
    for (const value of hostileQueryValues) add(`${key}=${value.slice(0, 30)}`, [others.toString(), `${key}=${value}`].filter(Boolean).join('&'));
    add(`${key} twice`, [valid, `${key}=x`, `${key}=%ED%A0%80`].filter(Boolean).join('&'));
  }
  for (const extra of hostileQueryExtras) add(extra, [valid, extra].filter(Boolean).join('&'));
  const random = fc.dictionary(fc.oneof(fc.constantFrom(...shape, ...prototypeKeys), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxKeys: 4 });
  for (const entries of fc.sample(random, { seed: options.seed + 4, numRuns: options.runs })) {
    const search = Object.entries(entries)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
    add(`random ${search.slice(0, 40)}`, search);
  }
  return { cases, dropped: 0 };
}

export function casesFor(route: RouteDef, input: ValidInput, options: CaseOptions): CaseTally {
  const parts = [route.params ? paramCases(route, input, options) : null, route.query ? queryCases(route, input, options) : null, route.body ? bodyCases(route, input, options) : null];
  return {
    cases: parts.flatMap((part) => part?.cases ?? []),
    dropped: parts.reduce((n, part) => n + (part?.dropped ?? 0), 0),
  };
}
