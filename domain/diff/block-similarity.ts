// How alike two Markdown blocks read, for pairing a run of removed blocks with a run of added
// ones (markdown-blocks.ts): the pairing compares every removed block with every added block
// ahead of it, n × m scores for a text whose paragraphs all changed a little. Splitting both
// blocks into words again for each pair made that most of the diff view's time (decision 0187),
// so each block is split once, its words numbered, and the removed block being paired is held
// as counts indexed by word number.

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** A block's words as a multiset: each distinct word's number with its count, and the total. */
interface WordBag {
  ids: Int32Array;
  counts: Int32Array;
  size: number;
}

export interface RunSimilarity {
  /**
   * Shared words over all words (a multiset Dice coefficient) of removed block `left` and
   * added block `right`: 1 for the same words, 0 for none in common.
   */
  score: (left: number, right: number) => number;
  /** The most `score` can be for the pair: every word of the shorter block found in the longer. */
  bound: (left: number, right: number) => number;
}

/** Scores between `removed[i]` and `added[j]`; fastest when asked for one `i` after another. */
export function runSimilarity(removed: readonly string[], added: readonly string[]): RunSimilarity {
  const dictionary = new Map<string, number>();
  const split = (text: string) =>
    words(text).map((word) => {
      let id = dictionary.get(word);
      if (id === undefined) {
        id = dictionary.size;
        dictionary.set(word, id);
      }
      return id;
    });
  const removedIds = removed.map(split);
  const addedIds = added.map(split);
  const tally = new Int32Array(dictionary.size);
  const bag = (ids: readonly number[]): WordBag => {
    let distinct = 0;
    const seen = new Int32Array(ids.length);
    for (const id of ids) if ((tally[id] = (tally[id] ?? 0) + 1) === 1) seen[distinct++] = id;
    const counts = new Int32Array(distinct);
    for (let k = 0; k < distinct; k += 1) {
      const id = seen[k] ?? 0;
      counts[k] = tally[id] ?? 0;
      tally[id] = 0;
    }
    return { ids: seen.subarray(0, distinct), counts, size: ids.length };
  };
  const left = removedIds.map(bag);
  const right = addedIds.map(bag);
  const size = (bags: readonly WordBag[], index: number) => bags[index]?.size ?? 0;

  // `tally` holds the counts of removed block `loaded`, zero everywhere else.
  let loaded = -1;
  const load = (index: number) => {
    if (loaded === index) return;
    const previous = left[loaded];
    if (previous) for (const id of previous.ids) tally[id] = 0;
    const next = left[index];
    if (next) for (let k = 0; k < next.ids.length; k += 1) tally[next.ids[k] ?? 0] = next.counts[k] ?? 0;
    loaded = index;
  };

  return {
    score(l, r) {
      const total = size(left, l) + size(right, r);
      if (total === 0) return 1;
      load(l);
      const other = right[r];
      let shared = 0;
      if (other) for (let k = 0; k < other.ids.length; k += 1) shared += Math.min(tally[other.ids[k] ?? 0] ?? 0, other.counts[k] ?? 0);
      return (2 * shared) / total;
    },
    bound(l, r) {
      const total = size(left, l) + size(right, r);
      return total === 0 ? 1 : (2 * Math.min(size(left, l), size(right, r))) / total;
    },
  };
}
