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

  // The thread whose highlighted passage is under the pointer, if any.
  const threadAt = (x: number, y: number): string | null => {
    const caret = caretAt(x, y);
    if (!caret) return null;
    for (const [threadId, range] of ranges) if (range.isPointInRange(caret.node, caret.offset)) return threadId;
    return null;
  };
  const bodyOf = (target: EventTarget | null) => (target instanceof Element && container.current?.contains(target) ? target.closest<HTMLElement>('[data-section-body]') : null);

  const onClick = useEffectEvent((event: MouseEvent) => {
    if (event.button !== 0 || !bodyOf(event.target) || (event.target instanceof Element && event.target.closest('a, button, input, select, textarea, summary'))) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const threadId = threadAt(event.clientX, event.clientY);
    if (threadId) goToThread(threadId);
  });
  // A highlight is clickable: say so with the pointer (the body has no style of React's to overwrite).
  const onMove = useEffectEvent((event: MouseEvent) => {
    const body = bodyOf(event.target);
    if (body) body.style.cursor = threadAt(event.clientX, event.clientY) ? 'pointer' : '';
  });
  useEffect(() => {
    // On the document: the sections appear after this hook first runs.
    let frame = 0;
    let last: MouseEvent | null = null;
    const click = (event: MouseEvent) => onClick(event);
    const move = (event: MouseEvent) => {
      last = event;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        if (last) onMove(last);
      });
    };
    document.addEventListener('click', click);
    document.addEventListener('mousemove', move, { passive: true });
    return () => {
      document.removeEventListener('click', click);
      document.removeEventListener('mousemove', move);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  return goToThread;
}
