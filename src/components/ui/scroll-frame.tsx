import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A frame a wide table scrolls sideways in, so the page never does. While it actually
 * overflows it can take focus and is named, so a keyboard can scroll it (WCAG 2.1.1, axe's
 * scrollable-region-focusable); while it fits it adds no stop to the Tab order.
 *
 * Whether it overflows is read in its ResizeObserver's callbacks, which the browser runs
 * after laying the page out and before painting it: the first comes in the frame that first
 * shows the frame, so it is never painted overflowing yet unreachable. Reading sizes on mount
 * instead (a layout effect) forced a layout of the whole page inside the commit that rendered
 * the table, once per table, which made that commit one of a large package's longest tasks
 * (docs/decisions/0205). The three attributes are set on the element directly: React never
 * renders them, so it never undoes them, and a change costs no render.
 */
export function ScrollFrame({ className = '', label, children }: { className?: string; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const labelRef = useRef(label);
  useEffect(() => {
    labelRef.current = label;
    const element = ref.current;
    if (element?.hasAttribute('aria-label')) element.setAttribute('aria-label', named(label));
  }, [label]);
  // Observing is set up in the commit (it reads nothing), so the first callback comes in the frame about to be painted.
  useLayoutEffect(() => {
    const element = ref.current;
    // Not in every environment (jsdom): the frame then simply never takes focus.
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => markOverflow(element, labelRef.current));
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${className}`}>
      {children}
    </div>
  );
}

const named = (label: string) => `${label} (scrolls sideways)`;

/** Makes the frame a named Tab stop while its content is wider than it, and nothing while it fits. */
export function markOverflow(element: HTMLElement, label: string): void {
  const overflows = element.scrollWidth > element.clientWidth + 1;
  if (overflows === element.hasAttribute('tabindex')) return;
  if (overflows) {
    element.tabIndex = 0;
    element.setAttribute('role', 'group');
    element.setAttribute('aria-label', named(label));
  } else {
    element.removeAttribute('tabindex');
    element.removeAttribute('role');
    element.removeAttribute('aria-label');
  }
}
