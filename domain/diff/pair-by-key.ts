/** Two versions of one keyed thing (a section, a row, a list item); at least one is present. */
export interface KeyedPair<T> {
  key: string;
  before?: T;
  after?: T;
}

/**
 * Matches the items of two lists by key, in the newer order, each removed item placed right
 * after the item that preceded it in the older list (at the start when nothing did), so a
 * reader sees it where it was. Keys ought to be unique; if one repeats, its occurrences are
 * matched in order (the second with the second) rather than any being lost.
 */
export function pairByKey<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string): KeyedPair<T>[] {
  const occurrenceKey = occurrenceKeys(keyOf);
  const beforeByKey = new Map(before.map((item) => [occurrenceKey.next(item), item]));
  const afterKeys = new Set(after.map(occurrenceKeys(keyOf).next));

  // Removed items, grouped by the surviving item they follow (null: the start of the list).
  const removedAfter = new Map<string | null, KeyedPair<T>[]>();
  let anchor: string | null = null;
  for (const [key, item] of beforeByKey) {
    if (afterKeys.has(key)) {
      anchor = key;
      continue;
    }
    const group = removedAfter.get(anchor) ?? [];
    group.push({ key: keyOf(item), before: item });
    removedAfter.set(anchor, group);
  }

  const pairs: KeyedPair<T>[] = [...(removedAfter.get(null) ?? [])];
  const afterKey = occurrenceKeys(keyOf);
  for (const item of after) {
    const key = afterKey.next(item);
    const previous = beforeByKey.get(key);
    pairs.push(previous === undefined ? { key: keyOf(item), after: item } : { key: keyOf(item), before: previous, after: item });
    pairs.push(...(removedAfter.get(key) ?? []));
  }
  return pairs;
}

// "auc" for the first item keyed auc, "auc\u0000 2" for a second one: unique within one list.
function occurrenceKeys<T>(keyOf: (item: T) => string) {
  const seen = new Map<string, number>();
  return {
    next: (item: T): string => {
      const key = keyOf(item);
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      return count === 1 ? key : `${key}\u0000${count}`;
    },
  };
}
