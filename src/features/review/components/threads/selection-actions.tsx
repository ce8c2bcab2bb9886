import { useLayoutEffect, useRef, useState } from 'react';
import type { TextQuoteSelector } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';

interface Props {
  /** The passage selected in this section right now. */
  selected: TextQuoteSelector;
  onAnnotate: () => void;
}

const edge = 8;

/**
 * "Annotate selected passage", floating just below the end of the selection, where the reader
 * is looking (not at the end of a section 3,000 px further down). It follows the section's body
 * in the page's order, so Tab from the selection reaches it; `a` does the same from anywhere.
 */
export function SelectionActions({ selected, onAnnotate }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const element = box.current;
    const parent = element?.offsetParent;
    if (!element || !parent) return;
    const placeAtSelection = () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const rects = selection.getRangeAt(0).getClientRects();
      const last = rects[rects.length - 1];
      if (!last) return;
      const origin = parent.getBoundingClientRect();
      const width = element.offsetWidth;
      const next = {
        top: Math.round(last.bottom - origin.top + 6),
        left: Math.round(Math.max(edge, Math.min(last.right - origin.left - width / 2, origin.width - width - edge))),
      };
      setPlace((previous) => (previous?.top === next.top && previous.left === next.left ? previous : next));
    };
    // Where the selection ends is known only once it is laid out, and it moves when the text
    // reflows under it (the threads column arriving, content loading above): follow it.
    placeAtSelection();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(placeAtSelection);
    observer.observe(parent);
    return () => observer.disconnect();
  }, [selected]);

  return (
    <div ref={box} data-quote-ignore data-selection-actions className="absolute z-10 rounded-md bg-white shadow-lg" style={place ?? { top: 0, left: edge, visibility: 'hidden' }}>
      <button
        type="button"
        className={`${buttonClasses.primary} px-3 py-1 text-sm`}
        aria-keyshortcuts="a"
        // Pressing the button must not clear the selection it is about.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onAnnotate}
      >
        Annotate selected passage
      </button>
    </div>
  );
}
