import { useLayoutEffect, useState, type RefObject } from 'react';

const none: ReadonlyMap<string, number> = new Map();

/**
 * How far below the top of `box` each passage in `anchors` begins, in pixels; a passage with
 * no box (in a folded section) is left out. Measured again when `box` changes size.
 */
export function useAnchorTops(box: RefObject<HTMLElement | null>, anchors: ReadonlyMap<string, Range>): ReadonlyMap<string, number> {
  const [tops, setTops] = useState(none);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const origin = element.getBoundingClientRect().top;
      const next = new Map<string, number>();
      for (const [id, range] of anchors) {
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 || rect.height > 0) next.set(id, Math.round(rect.top - origin));
      }
      setTops((previous) => (previous.size === next.size && [...next].every(([id, top]) => previous.get(id) === top) ? previous : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [box, anchors]);
  return tops;
}
