import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The page offset of an element's top or bottom edge, kept current as the content above it
 * changes height: what a window virtualizer needs as its scroll margin when a list does not
 * start at the top of the page. `atOnce`: also measured in the commit that puts the element on
 * the page, for a list that may scroll to a row in its first render (the audit table's
 * ?entry=): the observer answers first at the next frame, and until then the margin is 0. It
 * lays the page out inside React's task, so only where that first scroll needs it (the diff
 * list's first render is part of its longest task, decision 0187).
 */
export function useScrollMargin(ref: RefObject<HTMLElement | null>, edge: 'top' | 'bottom', atOnce = false): number {
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setMargin(element.getBoundingClientRect()[edge] + window.scrollY);
    if (typeof ResizeObserver === 'undefined') {
      // jsdom, in component tests: no layout to follow.
      const timer = setTimeout(measure, 0);
      return () => clearTimeout(timer);
    }
    if (atOnce) measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref, edge, atOnce]);
  return margin;
}
