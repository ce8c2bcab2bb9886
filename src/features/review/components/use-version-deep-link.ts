import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { Thread } from '#domain/contracts/threads.ts';

interface Options {
  versionLoaded: boolean;
  threadsLoaded: boolean;
  /** The threads shown under the version's sections, to find the section a thread link points into. */
  sectionThreads: readonly Thread[];
}

/**
 * The section or thread the address points at (#section-<key>, #thread-<id>): which thread is
 * current, which section must render at once, and, once it is on the page, scrolled to and focused.
 * `ownHashes` holds the hashes a keyboard move wrote after placing focus itself.
 */
export function useVersionDeepLink({ versionLoaded, threadsLoaded, sectionThreads }: Options) {
  const { hash } = useLocation();
  const ownHashes = useRef(new Set<string>());
  const currentThreadId = hash.startsWith('#thread-') ? decodeURIComponent(hash.slice('#thread-'.length)) : null;
  // The section a link points at (directly, or through one of its threads) renders at once.
  const pinnedKey = hash.startsWith('#section-') ? decodeURIComponent(hash.slice('#section-'.length)) : sectionThreads.find((thread) => thread.id === currentThreadId)?.sectionKey;

  // A deep link arrives before the content does, so the browser cannot scroll to it by
  // itself: do it once the target is on the page, and give it focus so the keyboard
  // continues from there.
  const loaded = versionLoaded && (!hash.startsWith('#thread-') || threadsLoaded);
  useEffect(() => {
    if (!loaded || !(hash.startsWith('#section-') || hash.startsWith('#thread-'))) return;
    // A keyboard move wrote this hash after placing focus itself; keys pressed quickly
    // must not be pulled back to an earlier target.
    if (ownHashes.current.delete(hash)) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView();
    if (target !== document.activeElement && !target.contains(document.activeElement)) target.focus({ preventScroll: true });
  }, [loaded, hash]);

  return { currentThreadId, pinnedKey, ownHashes };
}
