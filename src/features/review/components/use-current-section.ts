import { useEffect, useState, type RefObject } from 'react';

/**
 * Scroll-spy: the key of the section the reader is in, the first whose bottom is below the
 * sticky bars (`topOffset` px from the top of the window), read at most once a frame while
 * scrolling, and first in the frame after the sections are put on the page; null until then.
 */
export function useCurrentSection(container: RefObject<HTMLElement | null>, topOffset: number, sectionCount: number): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      const sections = container.current?.querySelectorAll<HTMLElement>('[data-section-key]') ?? [];
      let next: string | null = null;
      for (const section of sections) {
        next = section.dataset.sectionKey ?? null;
        if (section.getBoundingClientRect().bottom > topOffset + 8) break;
      }
      setCurrent(next);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    // The first read waits for the frame too: made in the effect, it forced the page's first
    // layout inside the task that runs the effects, on top of their own work (0232).
    frame = requestAnimationFrame(read);
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [container, topOffset, sectionCount]);
  return current;
}
