import { parseJson } from '../json/parse-json.ts';

/** A stored JSON value (an entry's before or after); a row whose text is not JSON keeps the text, so the chain check flags it. */
export function parseStoredJson(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}
