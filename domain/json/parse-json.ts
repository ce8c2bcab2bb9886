// The one way the product reads JSON text (lint-enforced: JSON.parse and Response#json are
// refused everywhere else). V8's JSON.parse mis-decodes object keys (nodejs/node#63785, V8
// issue 521080746; Node 24 and 26, and Chromium 150, the browser the product is tested in):
// once any object in the isolate has had a key ending a shared prefix in a backslash, such as
// {"h":…,"\\":…}, a later object with the same keys before it reads an escaped key there, such
// as "\"" or "\n", as that earlier key. One document can do both, so stored or served text
// could come back with other keys than it holds: a draft, a template, an audit entry's
// before/after, a record. JSON.parse's value is kept when it is sure to be right
// (native-parse-if-sure.ts); any other text goes to the project's own parser (about 3.5×
// JSON.parse's time on 5 MB: bench/results.md). docs/decisions/0237.
import { nativeParseIfSure } from './native-parse-if-sure.ts';
import { parseStrictJson } from './strict-json.ts';

// The strict parser's own ceiling: deeper text is refused rather than overflowing the stack.
const DEEPEST = 1000;

/**
 * Parses JSON text as JSON.parse does where V8 is right (a duplicate key's last value, lone
 * surrogates, rounded big numbers alike), and throws a SyntaxError where JSON.parse would; and
 * where it would not, for nesting deeper than 1,000 levels, which the product never writes.
 */
export function parseJson(text: string): unknown {
  const sure = nativeParseIfSure(text);
  return sure ? sure.value : parseJsonStrictly(text);
}

/** parseJson's second reader, for a text nativeParseIfSure left (read-json-answer.ts). */
export function parseJsonStrictly(text: string): unknown {
  const result = parseStrictJson(text, { maxDepth: DEEPEST, semantics: 'json-parse' });
  if (result.ok) return result.value;
  const [first] = result.problems;
  throw new SyntaxError(first ? `${first.message}${first.path === '' ? '' : ` at ${first.path}`}` : 'Not JSON');
}
