// The signature covers the record's JSON value, and a few single-bit flips of a file change
// its text without changing the value: "1e-7" and "1E-7" are one number, "\u001f" and
// "\u001F" one string. The server writes every number and string as RFC 8785 does, so a
// token written any other way means the file was changed after export (whitespace aside:
// a copy re-indented with JSON.stringify still passes). This finds such tokens.

import { parseJson } from '../json/parse-json.ts';

export interface NonCanonicalToken {
  /** Offset in the text (UTF-16 code units). */
  offset: number;
  line: number;
  column: number;
  found: string;
  expected: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
// A number's own characters: digits, sign, point and exponent letters.
const NUMBER_CHAR = /[0-9+\-.eE]/y;
// Integers JSON.stringify writes exactly as given (up to 15 digits, no leading zero, not -0).
const PLAIN_INTEGER = /^-?[1-9]\d{0,14}$|^0$/;
const MAX_TOKEN_SHOWN = 60;

/** Tokens of `text` (which must be valid JSON) not in their RFC 8785 form; at most `limit`. */
export function nonCanonicalTokens(text: string, limit = 20): NonCanonicalToken[] {
  const found: NonCanonicalToken[] = [];
  let pos = 0;
  while (pos < text.length && found.length < limit) {
    const c = text.charCodeAt(pos);
    if (c === QUOTE) {
      const end = stringEnd(text, pos);
      const token = text.slice(pos, end);
      // Without an escape, valid JSON string text is already canonical (JSON.stringify
      // escapes only quotes, backslashes and control characters, which must be escaped).
      if (token.includes('\\')) {
        const expected = JSON.stringify(parseJson(token));
        if (expected !== token) found.push(at(text, pos, token, expected));
      }
      pos = end;
    } else if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      const end = numberEnd(text, pos);
      const token = text.slice(pos, end);
      if (!PLAIN_INTEGER.test(token)) {
        const expected = JSON.stringify(Number(token));
        if (expected !== token) found.push(at(text, pos, token, expected));
      }
      pos = end;
    } else {
      pos++;
    }
  }
  return found;
}

function stringEnd(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === QUOTE) return pos + 1;
    pos += c === BACKSLASH ? 2 : 1;
  }
  return text.length;
}

function numberEnd(text: string, start: number): number {
  let pos = start;
  NUMBER_CHAR.lastIndex = pos;
  while (pos < text.length && NUMBER_CHAR.test(text)) pos = NUMBER_CHAR.lastIndex;
  return pos;
}

function at(text: string, offset: number, found: string, expected: string): NonCanonicalToken {
  let line = 1;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    line++;
    lineStart = newline + 1;
  }
  return { offset, line, column: offset - lineStart + 1, found: shorten(found), expected: shorten(expected) };
}

function shorten(token: string): string {
  return token.length > MAX_TOKEN_SHOWN ? `${token.slice(0, MAX_TOKEN_SHOWN)}…` : token;
}
