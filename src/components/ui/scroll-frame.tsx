import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A frame a wide table scrolls sideways in, so the page never does. While it actually
 * overflows it can take focus and is named, so a keyboard can scroll it (WCAG 2.1.1, axe's
 * scrollable-region-focusable); while it fits it adds no stop to the Tab order.
 */
export function ScrollFrame({ className = '', label, children }: { className?: string; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  // Before paint, so the frame is never shown (or checked) overflowing yet unreachable by keyboard.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    // Not in every environment (jsdom): the frame then simply never takes focus.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${className}`}
      {...(overflows ? { tabIndex: 0, role: 'group', 'aria-label': `${label} (scrolls sideways)` } : {})}
    >
      {children}
    </div>
  );
}
