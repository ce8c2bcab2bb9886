// V8's JSON.parse, kept where its answer is sure to be right (docs/decisions/0237). V8 misreads
// only a key the text writes with an escape, and always into an earlier key that holds a
// backslash. So a text without a backslash is read right, and so is any text whose value has
// no key holding a backslash: a misread would have left one. Only the rest needs the
// project's own parser (parse-json.ts), which the browser then loads on first use.

const BACKSLASH = '\\';

/** JSON.parse's value of `text` when it is sure to be right, else null; throws as JSON.parse throws. */
export function nativeParseIfSure(text: string): { value: unknown } | null {
  // eslint-disable-next-line no-restricted-properties -- the one call, checked below (0237)
  const value: unknown = JSON.parse(text);
  if (!text.includes(BACKSLASH) || !anyKeyHoldsBackslash(value)) return { value };
  return null;
}

function anyKeyHoldsBackslash(root: unknown): boolean {
  const pending: unknown[] = [root];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) if (typeof item === 'object' && item !== null) pending.push(item);
      continue;
    }
    for (const key of Object.keys(next)) {
      if (key.includes(BACKSLASH)) return true;
      const member: unknown = (next as Record<string, unknown>)[key];
      if (typeof member === 'object' && member !== null) pending.push(member);
    }
  }
  return false;
}
