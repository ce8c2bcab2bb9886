// Whether a JSON text is already its own RFC 8785 form, checked on the text itself: true only
// when canonicalize(JSON.parse(text)) === text. The full integrity check hashes an audit
// entry's stored before/after text as it is when this holds, instead of parsing it and
// writing it again (docs/decisions/0160); when it does not, it parses and canonicalizes as
// before. So this may say false for a canonical text (the caller only goes the slower way),
// never true for one that is not: anything unusual (a \u escape, a key with an escape,
// "__proto__", deep nesting) is a false.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_DEPTH = 64;

/** True only when `text` is exactly canonicalize(JSON.parse(text)) (RFC 8785). */
export function isCanonicalJson(text: string): boolean {
  const scan = { text, at: 0 };
  return value(scan, 0) && scan.at === text.length;
}

interface Scan {
  readonly text: string;
  at: number;
}

function value(scan: Scan, depth: number): boolean {
  const code = scan.text.charCodeAt(scan.at);
  if (code === QUOTE) return string(scan) >= 0;
  if (code === 0x7b) return depth < MAX_DEPTH && object(scan, depth + 1);
  if (code === 0x5b) return depth < MAX_DEPTH && array(scan, depth + 1);
  if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return number(scan);
  return literal(scan, 'true') || literal(scan, 'false') || literal(scan, 'null');
}

function literal(scan: Scan, word: string): boolean {
  if (!scan.text.startsWith(word, scan.at)) return false;
  scan.at += word.length;
  return true;
}

/** `{…}`: members with no white space, keys in strictly increasing UTF-16 order (so no duplicates). */
function object(scan: Scan, depth: number): boolean {
  const { text } = scan;
  scan.at++;
  if (text.charCodeAt(scan.at) === 0x7d) {
    scan.at++;
    return true;
  }
  let previous: string | null = null;
  for (;;) {
    const start = scan.at + 1;
    // A key with an escape would compare differently as text than as its value: left to the slow path.
    if (string(scan) !== 0) return false;
    const key = text.slice(start, scan.at - 1);
    if (key === '__proto__' || (previous !== null && !(previous < key))) return false;
    previous = key;
    if (text.charCodeAt(scan.at) !== 0x3a) return false;
    scan.at++;
    if (!value(scan, depth)) return false;
    const next = text.charCodeAt(scan.at++);
    if (next === 0x7d) return true;
    if (next !== 0x2c) return false;
  }
}

function array(scan: Scan, depth: number): boolean {
  const { text } = scan;
  scan.at++;
  if (text.charCodeAt(scan.at) === 0x5d) {
    scan.at++;
    return true;
  }
  for (;;) {
    if (!value(scan, depth)) return false;
    const next = text.charCodeAt(scan.at++);
    if (next === 0x5d) return true;
    if (next !== 0x2c) return false;
  }
}

/**
 * A string as JSON.stringify writes a well-formed one: no raw control character, only the
 * short escapes (\" \\ \b \f \n \r \t), surrogates only in pairs. Returns how many escapes it
 * holds, or -1 when it is not in that form (a \u escape included, though JSON.stringify
 * writes one for other control characters: rare enough to leave to the slow path).
 */
function string(scan: Scan): number {
  const { text } = scan;
  if (text.charCodeAt(scan.at) !== QUOTE) return -1;
  let escapes = 0;
  for (let at = scan.at + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      scan.at = at + 1;
      return escapes;
    }
    if (code < 0x20) return -1;
    if (code === BACKSLASH) {
      const escaped = text.charCodeAt(++at);
      // " \ b f n r t
      if (escaped !== QUOTE && escaped !== BACKSLASH && escaped !== 0x62 && escaped !== 0x66 && escaped !== 0x6e && escaped !== 0x72 && escaped !== 0x74) return -1;
      escapes++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(at + 1);
      if (code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return -1;
      at++;
    }
  }
  return -1;
}

/** A JSON number written as ECMAScript writes its value (RFC 8785 §3.2.2.3): "-0", "1.0", "1e3" are not. */
function number(scan: Scan): boolean {
  const { text } = scan;
  const start = scan.at;
  let at = start;
  if (text.charCodeAt(at) === 0x2d) at++;
  const digitsStart = at;
  while (isDigit(text.charCodeAt(at))) at++;
  if (at === digitsStart) return false;
  // The JSON grammar, strictly: the exact form is then settled by comparing with the value's own text.
  if (text.charCodeAt(at) === 0x2e) {
    const fraction = ++at;
    while (isDigit(text.charCodeAt(at))) at++;
    if (at === fraction) return false;
  }
  if (text.charCodeAt(at) === 0x65 || text.charCodeAt(at) === 0x45) {
    at++;
    if (text.charCodeAt(at) === 0x2b || text.charCodeAt(at) === 0x2d) at++;
    const exponent = at;
    while (isDigit(text.charCodeAt(at))) at++;
    if (at === exponent) return false;
  }
  const written = text.slice(start, at);
  scan.at = at;
  // Leading zeros ("01") fail here too: String(1) is "1".
  return String(Number(written)) === written;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
