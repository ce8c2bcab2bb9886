/** A stored JSON value (an entry's before or after); a row whose text is not JSON keeps the text, so the chain check flags it. */
export function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
