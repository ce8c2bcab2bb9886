import { useEffect, useState, type RefObject } from 'react';
import type { TextQuoteSelector } from '#domain/contracts/threads.ts';
import { selectorFromRange } from './dom-quote.ts';

export interface SelectedPassage {
  sectionKey: string;
  selector: TextQuoteSelector;
}

const same = (a: SelectedPassage | null, b: SelectedPassage | null) =>
  a === b || (a !== null && b !== null && a.sectionKey === b.sectionKey && a.selector.exact === b.selector.exact && a.selector.prefix === b.selector.prefix && a.selector.suffix === b.selector.suffix);

/**
 * The passage the reader has selected inside one section's body (an element marked
 * `data-section-body="<key>"` under `container`), or null. One listener for the page, and
 * at most one update per frame while a selection is being dragged.
 */
export function useSelectedPassage(container: RefObject<HTMLElement | null>): SelectedPassage | null {
  const [selected, setSelected] = useState<SelectedPassage | null>(null);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      const start = range?.commonAncestorContainer;
      const element = start instanceof Element ? start : start?.parentElement;
      const body = element?.closest<HTMLElement>('[data-section-body]');
      const key = body?.dataset.sectionBody;
      const selector = range && body && key && container.current?.contains(body) ? selectorFromRange(body, range) : null;
      const next = key && selector ? { sectionKey: key, selector } : null;
      setSelected((previous) => (same(previous, next) ? previous : next));
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [container]);
  return selected;
}
