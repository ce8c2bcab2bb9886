import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import type { DiffBlock } from './diff-blocks.ts';

/**
 * The index of the head (the h3) of the section the block at `index` belongs to, or null for a
 * placeholder. A section's blocks follow its head without a gap, so the nearest head above is its.
 */
export function sectionHeadIndex(blocks: readonly DiffBlock[], index: number): number | null {
  for (let i = index; i >= 0; i -= 1) {
    const block = blocks[i];
    if (!block || block.kind === 'pending') return null;
    if (block.kind === 'section') return i;
  }
  return null;
}

/**
 * The blocks the virtualized list renders: those near the viewport, and, when they start inside
 * a section, that section's head as well (off screen, above them). Without it a window scrolled
 * into a long section would show its Markdown's h4s with no h3 before them: a broken outline for
 * a screen reader (axe "heading-order"). Later sections in the window bring their own heads,
 * since the window is a run of consecutive blocks.
 */
export function withSectionHead(blocks: readonly DiffBlock[]): (range: Range) => number[] {
  return (range) => {
    const indexes = defaultRangeExtractor(range);
    const first = indexes[0];
    if (first === undefined) return indexes;
    const head = sectionHeadIndex(blocks, first);
    return head === null || head === first ? indexes : [head, ...indexes];
  };
}
