import { useCallback, useEffect, useEffectEvent, type RefObject } from 'react';
import { threadAnchor } from '../../thread-abilities.ts';
import { useMoveTo } from '../keyboard/use-review-shortcuts.ts';

/** The text position under a point, where the browser can say (Chromium 128+ and Firefox: caretPositionFromPoint). */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if ('caretPositionFromPoint' in document) {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  return null;
}

/**
 * Going from a highlighted passage to its thread: the returned function moves focus to the
 * thread (scrolling only as far as needed: in the margin it is already beside the passage) and
 * writes it in the address, which makes its highlight the current one; a click on a highlight
 * under `container` does the same. A click that ends a selection is left alone.
 */
export function useGoToThread(container: RefObject<HTMLElement | null>, ranges: ReadonlyMap<string, Range>, ownHashes: RefObject<Set<string>>) {
  const moveTo = useMoveTo(ownHashes);
  const goToThread = useCallback((threadId: string) => moveTo(document.getElementById(threadAnchor(threadId)), 'nearest'), [moveTo]);

  const onClick = useEffectEvent((event: MouseEvent) => {
    if (event.button !== 0 || !(event.target instanceof Element) || !container.current?.contains(event.target) || !event.target.closest('[data-section-body]')) return;
    if (event.target.closest('a, button, input, select, textarea, summary')) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const caret = caretAt(event.clientX, event.clientY);
    if (!caret) return;
    for (const [threadId, range] of ranges) {
      if (range.isPointInRange(caret.node, caret.offset)) {
        goToThread(threadId);
        return;
      }
    }
  });
  useEffect(() => {
    // On the document: the sections appear after this hook first runs.
    const listener = (event: MouseEvent) => onClick(event);
    document.addEventListener('click', listener);
    return () => document.removeEventListener('click', listener);
  }, []);

  return goToThread;
}
