/**
 * What "Mark reviewed and next" does from the section at `current` (an index into `keys`,
 * -1 for none): mark it unless it is marked already, then go to the first section after it
 * not yet reviewed, wrapping round to those before it; null when none is left.
 */
export function nextToReview(keys: readonly string[], reviewed: ReadonlySet<string>, current: number): { mark: string | null; next: number | null } {
  const key = current >= 0 ? keys[current] : undefined;
  const mark = key !== undefined && !reviewed.has(key) ? key : null;
  const isOpen = (index: number) => index !== current && !reviewed.has(keys[index] ?? '');
  for (let offset = 1; offset <= keys.length; offset += 1) {
    const index = (Math.max(current, -1) + offset) % keys.length;
    if (isOpen(index)) return { mark, next: index };
  }
  return { mark, next: null };
}
