import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height of a bar stuck to the top of the window, kept current as it wraps. While it is
 * mounted the page's scroll padding is that height, so what the browser scrolls into view
 * (focus moved by Tab, a fragment link) lands below the bar rather than under it (WCAG 2.4.11).
 */
export function useStickyHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const measure = () => {
      const next = element.getBoundingClientRect().height;
      root.style.scrollPaddingTop = `${next}px`;
      setHeight(next);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, [ref]);
  return height;
}
