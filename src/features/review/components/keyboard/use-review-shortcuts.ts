import { useEffect, useEffectEvent, type RefObject } from 'react';
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
 * j/k and n/p move focus between sections and threads under `container`, and the address
 * follows (#section-… or #thread-…), so what is on screen is what a pasted link opens.
 */
export function useReviewShortcuts(container: RefObject<HTMLElement | null>, handlers: Handlers) {
  const navigate = useNavigate();
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const action = shortcutFor(event);
    const root = container.current;
    if (!action || !root) return;
    const sections = [...root.querySelectorAll<HTMLElement>('[data-section-key]')];
    const go = (target: HTMLElement | null) => {
      if (!target) return;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start' });
      handlers.ownHashes.current.add(`#${target.id}`);
      void navigate({ search: window.location.search, hash: target.id }, { replace: true, preventScrollReset: true });
    };
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
