import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The page offset of an element's top or bottom edge, kept current as the content above it
 * changes height: what a window virtualizer needs as its scroll margin when a list does not
 * start at the top of the page.
 */
export function useScrollMargin(ref: RefObject<HTMLElement | null>, edge: 'top' | 'bottom'): number {
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
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref, edge]);
  return margin;
}
