import { useCallback, useEffect, useEffectEvent, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { currentSection, neighbour } from './move-focus.ts';
import { shortcutFor } from './shortcuts.ts';

interface Handlers {
  /** The hashes moves have written and the page has not yet seen: its deep-link handling skips them. */
  ownHashes: RefObject<Set<string>>;
  /** Open the annotation form of the section with this key. */
  annotate: (sectionKey: string) => void;
  help: () => void;
}

/**
 * Moves focus to a section or thread, scrolls it to the top (or, with `block: 'nearest'`, only
 * as far as needed: a thread in the margin is already beside its passage), and writes its
 * anchor in the address.
 */
export function useMoveTo(ownHashes: RefObject<Set<string>>) {
  const navigate = useNavigate();
  return useCallback(
    (target: HTMLElement | null, block: ScrollLogicalPosition = 'start') => {
      if (!target) return;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block });
      ownHashes.current.add(`#${target.id}`);
      void navigate({ search: window.location.search, hash: target.id }, { replace: true, preventScrollReset: true });
    },
    [navigate, ownHashes],
  );
}

/**
 * j/k and n/p move focus between sections and threads under `container`, and the address
 * follows (#section-… or #thread-…), so what is on screen is what a pasted link opens.
 */
export function useReviewShortcuts(container: RefObject<HTMLElement | null>, handlers: Handlers) {
  const go = useMoveTo(handlers.ownHashes);
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const action = shortcutFor(event);
    const root = container.current;
    // r belongs to the review bar, which is there only for a reviewer.
    if (!action || !root || action === 'review-next') return;
    const sections = [...root.querySelectorAll<HTMLElement>('[data-section-key]')];
    event.preventDefault();
    switch (action) {
      case 'next-section':
      case 'previous-section':
        go(neighbour(sections, action === 'next-section' ? 1 : -1));
        break;
      case 'next-thread':
      case 'previous-thread':
        go(neighbour([...root.querySelectorAll<HTMLElement>('[data-thread]')], action === 'next-thread' ? 1 : -1));
        break;
      case 'annotate': {
        const key = currentSection(sections)?.dataset.sectionKey;
        if (key) handlers.annotate(key);
        break;
      }
      case 'help':
        handlers.help();
        break;
    }
  });
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
