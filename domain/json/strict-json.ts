// A strict RFC 8259 parser for untrusted request bodies. JSON.parse is not enough for
// content that gets hashed and signed: it silently keeps the last of duplicate keys
// (two readers may then see different documents), rounds huge integers, and accepts
// lone surrogates that RFC 8785 canonicalization later refuses. An integer beyond 2^53 is
// taken only when it is the RFC 8785 text of its double (docs/decisions/0070).
import type { JsonValue } from './json-value.ts';
import { describeLoneSurrogate } from './lone-surrogate.ts';

export type JsonProblemCode = 'syntax' | 'duplicate_key' | 'lone_surrogate' | 'too_deep' | 'unsafe_integer' | 'number_out_of_range' | 'nul_character';

export type JsonProblem = {
  /** JSON Pointer (RFC 6901) of where the problem is; '' is the root. */
  path: string;
  code: JsonProblemCode;
  /** Human readable, e.g. 'Duplicate key "name" (JSON object keys must be unique)'. */
  message: string;
};

export type StrictJsonOptions = {
  /** Deepest allowed nesting of objects/arrays; the root container is level 1. Default 64. */
  maxDepth?: number;
  /**
   * Whether strings and keys may hold U+0000 (escaped as \u0000; a raw NUL is a syntax
   * error anyway). Default true, as RFC 8259 allows it; request bodies refuse it, since
   * PostgreSQL cannot store it in text and C string APIs cut text at it.
   */
  allowNul?: boolean;
  /**
   * 'json-parse' reads what JSON.parse reads, as JSON.parse reads it: a duplicate key's last
   * value (at the first one's place), lone surrogates, integers past 2^53 rounded, numbers past
   * the float range as ±Infinity. Only syntax and nesting are refused. For parseJson, which
   * stands in for V8's JSON.parse (docs/decisions/0237). Default 'strict'.
   */
  semantics?: 'strict' | 'json-parse';
};

export type StrictJsonResult = { ok: true; value: JsonValue } | { ok: false; problems: JsonProblem[] };

export const DEFAULT_MAX_DEPTH = 64;

// The parser recurses once per level, and canonicalize refuses values deeper than 1000
// anyway, so a larger limit could only trade a clear problem for a stack overflow.
const LARGEST_MAX_DEPTH = 1000;

/**
 * Parses JSON text strictly. Never throws for bad text (only for bad options): every
 * duplicate key, lone surrogate and unsafe integer is reported; a syntax error or
 * excessive nesting stops parsing (after reporting it).
 */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): StrictJsonResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > LARGEST_MAX_DEPTH) {
    throw new RangeError(`maxDepth must be an integer from 0 to ${LARGEST_MAX_DEPTH}, got ${String(maxDepth)}`);
  }
  const lenient = options.semantics === 'json-parse';
  const parser = new Parser(text, maxDepth, lenient || (options.allowNul ?? true), lenient);
  let value: JsonValue;
  try {
    value = parser.parseDocument();
  } catch (error) {
    if (error instanceof StopParsing) return { ok: false, problems: parser.problems };
    throw error;
  }
  return parser.problems.length === 0 ? { ok: true, value } : { ok: false, problems: parser.problems };
}

// Thrown once the problem that ends parsing has been recorded.
class StopParsing extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_1 = 0x31;
const DIGIT_9 = 0x39;

// Integers of up to 15 digits are below 2^53, so accumulating them digit by digit is
// exact and skips slicing + Number() for the common case.
const EXACT_ACCUMULATION_DIGITS = 15;

// Long keys and literals are cut in messages so a hostile body cannot inflate them.
const MAX_QUOTED_LENGTH = 100;

class Parser {
  readonly text: string;
  readonly maxDepth: number;
  readonly allowNul: boolean;
  /** Reads as JSON.parse does: only syntax and nesting problems are reported. */
  readonly lenient: boolean;
  readonly problems: JsonProblem[] = [];
  /**
   * segments[0..n) is the path of the value being parsed, n being the `depth` argument
   * threaded through the parse functions. Updated in place per member/element and only
   * joined into a JSON Pointer when a problem is reported.
   */
  readonly segments: (string | number)[] = [];
  pos = 0;

  constructor(text: string, maxDepth: number, allowNul: boolean, lenient: boolean) {
    this.text = text;
    this.maxDepth = maxDepth;
    this.allowNul = allowNul;
    this.lenient = lenient;
  }

  parseDocument(): JsonValue {
    const value = this.parseValue(0);
    if (this.skipWhitespace() === this.text.length) return value;
    throw this.unexpected(0, 'only one top-level value is allowed');
  }

  /** Skips JSON whitespace (space, tab, LF, CR only) and returns the new position. */
  skipWhitespace(): number {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      pos++;
    }
    this.pos = pos;
    return pos;
  }

  /** `depth` is the number of containers around this value, i.e. its path length. */
  parseValue(depth: number): JsonValue {
    const c = this.text.charCodeAt(this.skipWhitespace());
    switch (c) {
      case OPEN_BRACE:
        return this.parseObject(depth);
      case OPEN_BRACKET:
        return this.parseArray(depth);
      case QUOTE: {
        const value = this.parseString(depth);
        if (!this.lenient && !value.isWellFormed()) this.report(depth, 'lone_surrogate', describeLoneSurrogate(value, 'String'));
        if (!this.allowNul && value.includes('\u0000')) this.report(depth, 'nul_character', 'String contains the NUL character (U+0000), which is not accepted');
        return value;
      }
      case 0x74:
        return this.parseLiteral('true', true, depth);
      case 0x66:
        return this.parseLiteral('false', false, depth);
      case 0x6e:
        return this.parseLiteral('null', null, depth);
      default:
        if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) return this.parseNumber(depth);
        throw this.unexpected(depth, VALUE_HINTS.get(c) ?? 'expected a value');
    }
  }

  enterContainer(depth: number): void {
    // The container itself is nesting level depth + 1.
    if (depth >= this.maxDepth) {
      this.report(depth, 'too_deep', `Nesting is deeper than ${this.maxDepth} levels of objects and arrays`);
      throw new StopParsing();
    }
    this.pos++;
  }

  parseArray(depth: number): JsonValue[] {
    this.enterContainer(depth);
    const array: JsonValue[] = [];
    const text = this.text;
    if (text.charCodeAt(this.skipWhitespace()) === CLOSE_BRACKET) {
      this.pos++;
      return array;
    }
    for (let index = 0; ; index++) {
      this.segments[depth] = index;
      array.push(this.parseValue(depth + 1));
      const c = text.charCodeAt(this.skipWhitespace());
      if (c === COMMA) {
        this.pos++;
        if (text.charCodeAt(this.skipWhitespace()) === CLOSE_BRACKET) {
          throw this.unexpected(depth, 'trailing commas are not allowed');
        }
      } else if (c === CLOSE_BRACKET) {
        this.pos++;
        return array;
      } else {
        throw this.unexpected(depth, 'expected "," or "]"');
      }
    }
  }

  parseObject(depth: number): { [key: string]: JsonValue } {
    this.enterContainer(depth);
    const object: { [key: string]: JsonValue } = {};
    const text = this.text;
    let c = text.charCodeAt(this.skipWhitespace());
    if (c === CLOSE_BRACE) {
      this.pos++;
      return object;
    }
    for (;;) {
      if (c !== QUOTE) {
        throw this.unexpected(depth, c === CLOSE_BRACE ? 'trailing commas are not allowed' : 'expected a double-quoted key');
      }
      const key = this.parseString(depth);
      this.segments[depth] = key;
      if (!this.lenient && !key.isWellFormed()) this.report(depth + 1, 'lone_surrogate', describeLoneSurrogate(key, 'Object key'));
      if (!this.allowNul && key.includes('\u0000')) this.report(depth + 1, 'nul_character', 'Object key contains the NUL character (U+0000), which is not accepted');
      // Reported before the value is parsed, so problems come out in document order.
      if (!this.lenient && Object.hasOwn(object, key)) {
        this.report(depth + 1, 'duplicate_key', `Duplicate key ${quote(key)} (JSON object keys must be unique)`);
      }
      if (text.charCodeAt(this.skipWhitespace()) !== COLON) throw this.unexpected(depth + 1, 'expected ":" after the key');
      this.pos++;
      const value = this.parseValue(depth + 1);
      if (key === '__proto__') {
        // Assigning would call the inherited __proto__ setter and swap the prototype.
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        object[key] = value;
      }
      c = text.charCodeAt(this.skipWhitespace());
      if (c === COMMA) {
        this.pos++;
        c = text.charCodeAt(this.skipWhitespace());
      } else if (c === CLOSE_BRACE) {
        this.pos++;
        return object;
      } else {
        throw this.unexpected(depth, 'expected "," or "}"');
      }
    }
  }

  /** Reads the string starting at the current quote; `depth` is used for syntax errors. */
  parseString(depth: number): string {
    const text = this.text;
    const length = text.length;
    let pos = this.pos + 1;
    let start = pos;
    // Only used once an escape is met: runs of plain characters are sliced, not copied.
    let decoded = '';
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        this.pos = pos + 1;
        return decoded + text.slice(start, pos);
      }
      if (c === BACKSLASH) {
        decoded += text.slice(start, pos);
        this.pos = pos;
        decoded += this.parseEscape(depth);
        pos = this.pos;
        start = pos;
      } else if (c < 0x20) {
        this.pos = pos;
        throw this.syntax(depth, `Unescaped control character ${codePointName(c)} in a string`, 'use an escape such as \\n or \\u0000');
      } else {
        pos++;
      }
    }
    this.pos = length;
    throw this.syntax(depth, 'Unterminated string');
  }

  /** Decodes the escape at the current backslash and moves past it. */
  parseEscape(depth: number): string {
    const text = this.text;
    const pos = this.pos;
    const c = text.charCodeAt(pos + 1);
    this.pos = pos + 2;
    switch (c) {
      case QUOTE:
        return '"';
      case BACKSLASH:
        return '\\';
      case 0x2f:
        return '/';
      case 0x62:
        return '\b';
      case 0x66:
        return '\f';
      case 0x6e:
        return '\n';
      case 0x72:
        return '\r';
      case 0x74:
        return '\t';
      case 0x75: {
        let code = 0;
        for (let i = pos + 2; i < pos + 6; i++) {
          const digit = hexDigitValue(text.charCodeAt(i));
          if (digit < 0) {
            this.pos = i;
            throw this.syntax(depth, 'Invalid \\u escape in a string', 'it needs exactly four hexadecimal digits');
          }
          code = code * 16 + digit;
        }
        this.pos = pos + 6;
        // Lone surrogates pass here on purpose: the caller checks the whole decoded
        // string, since an escaped pair like "\ud83d\ude02" is a valid character.
        return String.fromCharCode(code);
      }
      default:
        this.pos = pos;
        if (Number.isNaN(c)) throw this.syntax(depth, 'Unterminated string');
        throw this.syntax(depth, `Invalid escape "\\${String.fromCodePoint(text.codePointAt(pos + 1) ?? c)}" in a string`, 'allowed escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX');
    }
  }

  parseNumber(depth: number): number {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    let c = text.charCodeAt(pos);
    const negative = c === MINUS;
    if (negative) c = text.charCodeAt(++pos);
    let integer = 0;
    let digits = 0;
    if (c === DIGIT_0) {
      c = text.charCodeAt(++pos);
      if (c >= DIGIT_0 && c <= DIGIT_9) {
        this.pos = pos;
        throw this.syntax(depth, 'Leading zeros are not allowed in numbers');
      }
    } else if (c >= DIGIT_1 && c <= DIGIT_9) {
      do {
        integer = integer * 10 + (c - DIGIT_0);
        digits++;
        c = text.charCodeAt(++pos);
      } while (c >= DIGIT_0 && c <= DIGIT_9);
    } else {
      this.pos = pos;
      throw this.unexpected(depth, 'expected a digit after "-"');
    }
    let isInteger = true;
    if (c === DOT) {
      isInteger = false;
      pos = this.skipDigits(pos + 1, depth, 'expected a digit after the decimal point');
      c = text.charCodeAt(pos);
    }
    if (c === 0x65 || c === 0x45) {
      isInteger = false;
      c = text.charCodeAt(++pos);
      if (c === PLUS || c === MINUS) pos++;
      pos = this.skipDigits(pos, depth, 'expected a digit in the exponent');
    }
    this.pos = pos;
    if (isInteger && digits <= EXACT_ACCUMULATION_DIGITS) return negative ? -integer : integer;
    // The text is a valid JSON number here, and Number() rounds it exactly as JSON.parse does.
    const value = Number(text.slice(start, pos));
    if (this.lenient) return value;
    if (!isInteger && !Number.isFinite(value)) {
      this.report(depth, 'number_out_of_range', `Number ${truncate(text.slice(start, pos))} is beyond the range of a 64-bit float`);
      return 0;
    }
    if (isInteger && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      const token = text.slice(start, pos);
      // RFC 8785 (ES6 number serialization) writes doubles from 2^53 up to 1e21 as plain
      // integers: 1e16 is exported as 10000000000000000. Such a token is the exact text of its
      // double and reads back to it, so it is taken; any other large integer is not.
      if (String(value) !== token) {
        const reads = Number.isFinite(value) ? `would read as ${String(value)} and lose precision` : 'is beyond the range of a 64-bit float';
        this.report(
          depth,
          'unsafe_integer',
          `Integer ${truncate(token)} is beyond ±${Number.MAX_SAFE_INTEGER} and is not how RFC 8785 writes any 64-bit float: it ${reads} (send it as a string)`,
        );
      }
    }
    return value;
  }

  /** Skips one or more digits from `pos`, returning the position after them. */
  skipDigits(pos: number, depth: number, hint: string): number {
    const text = this.text;
    let c = text.charCodeAt(pos);
    // Written so that NaN (past the end of the text) also fails.
    if (!(c >= DIGIT_0 && c <= DIGIT_9)) {
      this.pos = pos;
      throw this.unexpected(depth, hint);
    }
    do c = text.charCodeAt(++pos);
    while (c >= DIGIT_0 && c <= DIGIT_9);
    return pos;
  }

  parseLiteral<T extends JsonValue>(word: string, value: T, depth: number): T {
    const text = this.text;
    if (text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    let matched = 0;
    while (text.charCodeAt(this.pos + matched) === word.charCodeAt(matched)) matched++;
    this.pos += matched;
    throw this.unexpected(depth, `expected "${word}"`);
  }

  report(depth: number, code: JsonProblemCode, message: string): void {
    this.problems.push({ path: toJsonPointer(this.segments, depth), code, message });
  }

  syntax(depth: number, what: string, hint?: string): StopParsing {
    const { line, column } = lineAndColumn(this.text, this.pos);
    this.report(depth, 'syntax', `${what} at line ${line}, column ${column}${hint === undefined ? '' : ` (${hint})`}`);
    return new StopParsing();
  }

  /** A syntax error for whatever is at the current position. */
  unexpected(depth: number, hint: string): StopParsing {
    const code = this.text.codePointAt(this.pos);
    if (code === undefined) return this.syntax(depth, 'Unexpected end of input', hint);
    return this.syntax(depth, `Unexpected character ${describeCharacter(code)}`, COMMON_HINTS.get(code) ?? hint);
  }
}

// Common mistakes, explained better than by "expected ...".
const COMMON_HINTS = new Map<number, string>([
  [0x27, 'strings and keys must use double quotes'],
  [0x2f, 'comments are not allowed'],
  [0x23, 'comments are not allowed'],
  [0xfeff, 'a byte order mark is not allowed'],
]);

const VALUE_HINTS = new Map<number, string>([
  [0x4e, 'NaN is not JSON'],
  [0x49, 'Infinity is not JSON'],
  [PLUS, 'numbers cannot start with "+"'],
  [DOT, 'numbers need a digit before the decimal point'],
]);

function hexDigitValue(c: number): number {
  if (c >= DIGIT_0 && c <= DIGIT_9) return c - DIGIT_0;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

// Only computed for the one syntax error that ends parsing: scanning the text for every
// continuable problem would make a body full of duplicate keys quadratic to report.
function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < pos; newline = text.indexOf('\n', newline + 1)) {
    line++;
    lineStart = newline + 1;
  }
  return { line, column: pos - lineStart + 1 };
}

function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describeCharacter(code: number): string {
  if (code === QUOTE) return `'"'`;
  if (code > 0x20 && code < 0x7f) return `"${String.fromCharCode(code)}"`;
  const printable = code >= 0xa0 && (code < 0xd800 || code > 0xdfff) && code !== 0xfeff;
  return printable ? `"${String.fromCodePoint(code)}" (${codePointName(code)})` : codePointName(code);
}


function truncate(text: string): string {
  return text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
}

function quote(text: string): string {
  return JSON.stringify(truncate(text).toWellFormed());
}

// RFC 6901. Lone surrogates are replaced so the problem itself can be sent back as JSON.
function toJsonPointer(segments: readonly (string | number)[], length: number): string {
  let pointer = '';
  for (let index = 0; index < length; index++) {
    const segment = segments[index];
    if (segment === undefined) break;
    pointer += '/' + (typeof segment === 'number' ? String(segment) : segment.replaceAll('~', '~0').replaceAll('/', '~1').toWellFormed());
  }
  return pointer;
}
