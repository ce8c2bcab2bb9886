import type { SectionPair } from '#domain/diff/package-diff.ts';

// The sections of a comparison shared out between workers. A section's diff takes time about
// in proportion to its text (canonical comparison, then line, block and word diffs), so
// each share is given about the same number of characters: the largest section first, each
// to the share with the fewest so far (longest-processing-time first). The shares' sections
// keep their display order; results are placed by index whatever share they came from.

/** The characters of every string in `value`, and of every key: a cheap stand-in for its size. */
export function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 1;
  let size = 0;
  if (Array.isArray(value)) for (const item of value) size += textSize(item);
  else for (const [key, item] of Object.entries(value)) size += key.length + textSize(item);
  return size;
}

const pairSize = (pair: SectionPair) => textSize(pair.before) + textSize(pair.after);

/** `pairs` split into `ways` shares of about equal size (fewer when there are fewer pairs); each share in display order. */
export function sharePairs<P extends SectionPair>(pairs: readonly P[], ways: number): (P & { index: number })[][] {
  const count = Math.max(1, Math.min(ways, pairs.length));
  const shares: (P & { index: number })[][] = Array.from({ length: count }, () => []);
  const sizes = new Array<number>(count).fill(0);
  const bySize = pairs.map((pair, index) => ({ pair, index, size: pairSize(pair) })).sort((a, b) => b.size - a.size || a.index - b.index);
  for (const { pair, index, size } of bySize) {
    let lightest = 0;
    for (let share = 1; share < count; share++) if ((sizes[share] ?? 0) < (sizes[lightest] ?? 0)) lightest = share;
    shares[lightest]?.push({ ...pair, index });
    sizes[lightest] = (sizes[lightest] ?? 0) + size;
  }
  for (const share of shares) share.sort((a, b) => a.index - b.index);
  return shares.filter((share) => share.length > 0);
}
