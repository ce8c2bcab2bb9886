/**
 * Where each thread of a section sits in the right-hand margin, as word processors place
 * comments: as high as its highlighted passage (`want`, measured from the top of the margin's
 * list), never overlapping the one before it. Items come in document order; one with no
 * passage to follow (`want` null: a thread on the whole section, or a quote not on the page)
 * simply follows the one before. Answers, per item, the space to add above it on top of the
 * list's `gap`, so the items stay in the page's flow (and in the same order for every reader).
 */
export function marginOffsets(items: readonly { want: number | null; height: number }[], gap: number): number[] {
  let bottom = 0;
  return items.map(({ want, height }, index) => {
    const natural = index === 0 ? 0 : bottom + gap;
    const top = want === null ? natural : Math.max(natural, Math.round(want));
    bottom = top + height;
    return top - natural;
  });
}

/** Sorted tops, each at least `spacing` below the one before: markers that would overlap are stacked. */
export function stackTops(tops: readonly number[], spacing: number): number[] {
  const placed: number[] = [];
  for (const top of [...tops].sort((a, b) => a - b)) placed.push(Math.max(top, (placed.at(-1) ?? -Infinity) + spacing));
  return placed;
}
