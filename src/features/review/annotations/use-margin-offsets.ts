import { useLayoutEffect, useState, type RefObject } from 'react';
import { marginOffsets } from './margin-placement.ts';

/** The width from which threads sit in a margin beside their section (Tailwind's `xl`, 1280 px). */
export const wideMargin = '(min-width: 80rem)';

const noOffsets: ReadonlyMap<string, number> = new Map();

/**
 * The space above each item of a section's margin (`[data-margin-item="<id>"]` children of
 * `list`) that puts it level with its passage: the range `anchors` holds for it. Measured again whenever the text or an item changes size (a reply
 * opened, a section folded, a font loaded) and when the window crosses the wide breakpoint;
 * below it the margin is in the page's flow and nothing is added.
 */
export function useMarginOffsets(list: RefObject<HTMLElement | null>, anchors: ReadonlyMap<string, Range>): ReadonlyMap<string, number> {
  const [offsets, setOffsets] = useState(noOffsets);
  useLayoutEffect(() => {
    const root = list.current;
    if (!root || typeof ResizeObserver === 'undefined' || typeof matchMedia === 'undefined') return;
    const media = matchMedia(wideMargin);
    const measure = () => {
      const items = [...root.querySelectorAll<HTMLElement>(':scope > [data-margin-item]')];
      // Items come and go (a thread opened, the form closed): watch whichever are there now.
      for (const item of items) observer.observe(item);
      if (!media.matches || items.length === 0) {
        setOffsets((previous) => (previous.size === 0 ? previous : noOffsets));
        return;
      }
      const top = root.getBoundingClientRect().top;
      const gap = Number.parseFloat(getComputedStyle(root).rowGap) || 0;
      const placed = marginOffsets(
        items.map((item) => {
          const rect = anchors.get(item.dataset.marginItem ?? '')?.getBoundingClientRect();
          // A passage in a folded section has no box: the item follows the one before.
          const visible = rect && (rect.width > 0 || rect.height > 0);
          return { want: visible ? rect.top - top : null, height: item.offsetHeight };
        }),
        gap,
      );
      const next = new Map(items.map((item, index) => [item.dataset.marginItem ?? '', placed[index] ?? 0]));
      setOffsets((previous) => (same(previous, next) ? previous : next));
    };
    const observer = new ResizeObserver(() => measure());
    observer.observe(root);
    // The section's text reflowing moves the passages.
    const text = root.closest('[data-section-key]')?.querySelector('[data-section-text]');
    if (text) observer.observe(text);
    media.addEventListener('change', measure);
    measure();
    return () => {
      observer.disconnect();
      media.removeEventListener('change', measure);
    };
  }, [list, anchors]);
  return offsets;
}

function same(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
