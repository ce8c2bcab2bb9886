// RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes we hash and sign.
// Two parties holding the same JSON data must produce the same bytes, so anything
// RFC 8785 cannot represent unambiguously is refused instead of silently coerced
// (JSON.stringify alone would drop undefined, turn NaN into null, call Date#toJSON…).
//
// Speed: for validated data, JSON.stringify already writes RFC 8785 numbers and string
// escapes, and it emits object members in Object.keys order. So one walk validates the
// value and puts every object's keys in RFC 8785 order (copying only objects that are
// not already in order), then the native serializer does the writing in one pass.
// That is about twice as fast as concatenating the text in JavaScript.

// The well-formedness methods (ES2024) are declared there.
import './json-value.ts';
import { describeLoneSurrogate } from './lone-surrogate.ts';

/** Thrown for a value that has no RFC 8785 form; `path` is a JSON Pointer to it ('' = the root). */
export class CanonicalizationError extends Error {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`Cannot canonicalize ${path === '' ? 'the root value' : `the value at ${path}`}: ${reason}`);
    this.name = 'CanonicalizationError';
    this.path = path;
    this.reason = reason;
  }
}

/** The RFC 8785 canonical JSON text of `value`. Throws CanonicalizationError. */
export function canonicalize(value: unknown): string {
  const walk: Walk = { engineOrderDiffers: false, chars: 0, large: null };
  const ordered = prepareRoot(value, walk);
  return walk.engineOrderDiffers ? serializeValidated(ordered) : JSON.stringify(ordered);
}

/**
 * `value` validated and put in RFC 8785 key order, for canonical-bytes.ts, which writes it in
 * pieces: `large` holds the objects and arrays of it (as prepared) with at least `largeAt`
 * characters of strings and keys inside, `chars` counts those of the whole, and `text` is the
 * whole text when the engine's key order could not be made RFC 8785's (then it writes that).
 * Throws CanonicalizationError.
 */
export function prepareCanonical(value: unknown, largeAt: number): { value: unknown; large: ReadonlySet<object>; chars: number; text: string | null } {
  const walk: Walk = { engineOrderDiffers: false, chars: 0, large: { at: largeAt, set: new Set() } };
  const ordered = prepareRoot(value, walk);
  return { value: ordered, large: walk.large?.set ?? new Set(), chars: walk.chars, text: walk.engineOrderDiffers ? serializeValidated(ordered) : null };
}

function prepareRoot(value: unknown, walk: Walk): unknown {
  try {
    return prepare(value, 0, walk);
  } catch (error) {
    throw toCanonicalizationError(error, value);
  }
}

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of canonicalize(value): what gets hashed and signed. encodeInto a buffer
 * of the text's length is several times faster than encode() on large texts, and fits
 * whenever the text is ASCII (as packages mostly are); otherwise a buffer of the worst case
 * (three bytes per UTF-16 unit) always does.
 */
export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  const text = canonicalize(value);
  let buffer = new Uint8Array(text.length);
  let result = encoder.encodeInto(text, buffer);
  if (result.read < text.length) {
    buffer = new Uint8Array(text.length * 3);
    result = encoder.encodeInto(text, buffer);
  }
  return result.written === buffer.length ? buffer : buffer.slice(0, result.written);
}

// Far beyond any real document (their depth is limited where they are parsed), yet well
// below the engines' stack limits, so a cyclic value fails with a clear error.
const MAX_DEPTH = 1000;

type Walk = {
  // Engines enumerate array-index-like keys ("7", "10") first and in numeric order, so
  // an object such as {"10":…,"9":…} or {"":…,"1":…} cannot be given RFC 8785 order.
  // Such (rare) values are serialized by serializeValidated instead.
  engineOrderDiffers: boolean;
  /** Characters of the strings and keys walked so far (an estimate of the text's size). */
  chars: number;
  /** Where asked for: the containers holding at least `at` of those characters. */
  large: { at: number; set: Set<object> } | null;
};

// Raised inside the walk. Containers add their own segment while it unwinds, so the
// (hot) success path never spends time building paths.
class Refusal extends Error {
  readonly reason: string;
  readonly tooDeep: boolean;
  /** Innermost first. */
  readonly segments: string[] = [];

  constructor(reason: string, tooDeep = false) {
    super(reason);
    this.reason = reason;
    this.tooDeep = tooDeep;
  }
}

function withSegment(error: unknown, segment: string): unknown {
  if (error instanceof Refusal) error.segments.push(segment);
  return error;
}

function toCanonicalizationError(error: unknown, root: unknown): unknown {
  if (!(error instanceof Refusal)) return error;
  const cycle = error.tooDeep ? findCycle(root, new Set(), new Set(), []) : null;
  if (cycle !== null) {
    return new CanonicalizationError(toJsonPointer(cycle), 'a circular reference is not JSON (this value contains itself)');
  }
  return new CanonicalizationError(toJsonPointer(error.segments.reverse()), error.reason);
}

/** Validates `value` and returns it, or a copy whose objects enumerate keys in RFC 8785 order. */
function prepare(value: unknown, depth: number, walk: Walk): unknown {
  switch (typeof value) {
    case 'string':
      if (!value.isWellFormed()) throw new Refusal(describeLoneSurrogate(value, 'string'));
      walk.chars += value.length;
      return value;
    case 'number':
      // JSON.stringify would write NaN and ±Infinity as null.
      if (!Number.isFinite(value)) throw new Refusal(`${String(value)} is not a JSON number`);
      return value;
    case 'boolean':
      return value;
    case 'object':
      if (value === null) return null;
      if (depth >= MAX_DEPTH) throw new Refusal(`nesting is deeper than ${MAX_DEPTH} levels`, true);
      return prepareContainer(value, depth, walk);
    case 'undefined':
      throw new Refusal('undefined is not a JSON value');
    case 'bigint':
      throw new Refusal('a bigint is not a JSON value (convert it to a string or a safe integer first)');
    case 'function':
      throw new Refusal('a function is not a JSON value');
    case 'symbol':
      throw new Refusal('a symbol is not a JSON value');
  }
}

function prepareContainer(value: object, depth: number, walk: Walk): unknown {
  const before = walk.chars;
  const prepared = Array.isArray(value) ? prepareArray(value, depth + 1, walk) : prepareObject(value, depth + 1, walk);
  if (walk.large !== null && walk.chars - before >= walk.large.at) walk.large.set.add(prepared);
  return prepared;
}

function prepareArray(array: readonly unknown[], depth: number, walk: Walk): readonly unknown[] {
  // An Array subclass could carry a toJSON that JSON.stringify would call.
  if (Object.getPrototypeOf(array) !== Array.prototype) throw new Refusal('an Array subclass is not JSON (use a plain array)');
  let copy: unknown[] | null = null;
  let index = 0;
  try {
    for (; index < array.length; index++) {
      const item = array[index];
      if (item === undefined && !(index in array)) throw new Refusal('an array with holes is not JSON');
      const prepared = prepare(item, depth, walk);
      if (copy !== null) copy.push(prepared);
      else if (prepared !== item) {
        copy = array.slice(0, index);
        copy.push(prepared);
      }
    }
  } catch (error) {
    throw withSegment(error, String(index));
  }
  return copy ?? array;
}

function prepareObject(object: object, depth: number, walk: Walk): object {
  const prototype: unknown = Object.getPrototypeOf(object);
  // null-prototype objects are plain data too (parsers build them to dodge __proto__).
  if (prototype !== Object.prototype && prototype !== null) throw new Refusal(describeNonPlainObject(object));
  const record = object as Readonly<Record<string, unknown>>;
  // Own enumerable string keys only, exactly what JSON.stringify will enumerate.
  const keys = Object.keys(record);
  const inOrder = isSorted(keys);
  // The default sort compares UTF-16 code units: RFC 8785 order (not locale, not code points).
  if (!inOrder) keys.sort();
  let copy: Record<string, unknown> | null = null;
  let indexLikeKey = false;
  let key = '';
  try {
    for (let index = 0; index < keys.length; index++) {
      key = keys[index] ?? '';
      if (!key.isWellFormed()) throw new Refusal(describeLoneSurrogate(key, 'object key'));
      walk.chars += key.length;
      // An own "__proto__" is a data property, so record[key] reads it, not the prototype.
      const item = record[key];
      const prepared = prepare(item, depth, walk);
      if (copy === null && (!inOrder || prepared !== item)) {
        // Copy on first need; the members before this one are unchanged.
        copy = {};
        for (let before = 0; before < index; before++) {
          const earlier = keys[before] ?? '';
          setOwn(copy, earlier, record[earlier]);
        }
      }
      if (copy !== null) setOwn(copy, key, prepared);
      const first = key.charCodeAt(0);
      if (first >= 0x30 && first <= 0x39) indexLikeKey = true;
    }
  } catch (error) {
    throw withSegment(error, key);
  }
  // A copy made only because a child changed keeps the (already sorted) original order.
  if (copy !== null && !inOrder && indexLikeKey && !isSameOrder(Object.keys(copy), keys)) walk.engineOrderDiffers = true;
  return copy ?? object;
}

export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    // Assigning would call the inherited __proto__ setter and swap the prototype.
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function isSorted(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++) {
    if (!((keys[index - 1] ?? '') < (keys[index] ?? ''))) return false;
  }
  return true;
}

function isSameOrder(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.every((key, index) => key === expected[index]);
}

// The slow path for values prepare() accepted but whose key order the engine will not
// keep. No checks here: everything was validated already.
function serializeValidated(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serializeValidated).join(',')}]`;
  const record = value as Readonly<Record<string, unknown>>;
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${serializeValidated(record[key])}`);
  return `{${members.join(',')}}`;
}

// Error path only: tells a cycle apart from a merely very deep value, and finds where the
// cycle closes. `explored` keeps shared (acyclic) sub-objects from being walked twice.
function findCycle(value: unknown, ancestors: Set<object>, explored: Set<object>, segments: string[]): string[] | null {
  if (typeof value !== 'object' || value === null || explored.has(value)) return null;
  if (ancestors.has(value)) return segments;
  if (ancestors.size > MAX_DEPTH) return null; // merely deep, or a cycle too long to be worth finding
  ancestors.add(value);
  const record = value as Readonly<Record<string, unknown>>;
  const keys = Array.isArray(value) ? Object.keys(value) : Object.keys(record).sort();
  for (const key of keys) {
    segments.push(key);
    if (findCycle(record[key], ancestors, explored, segments) !== null) return segments;
    segments.pop();
  }
  ancestors.delete(value);
  explored.add(value);
  return null;
}


function describeNonPlainObject(object: object): string {
  const tag = Object.prototype.toString.call(object).slice(8, -1);
  const kind = tag === 'Object' ? 'an object with a custom prototype (a class instance?)' : `a ${tag}`;
  return `${kind} is not JSON (only plain objects, arrays, strings, finite numbers, booleans and null are)`;
}

// RFC 6901. Lone surrogates are replaced so the pointer itself can be sent as JSON.
function toJsonPointer(segments: readonly string[]): string {
  let pointer = '';
  for (const segment of segments) {
    pointer += '/' + segment.replaceAll('~', '~0').replaceAll('/', '~1').toWellFormed();
  }
  return pointer;
}
