import { useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, move focus to the new page's h1 (or its main), as a full
 * page load would reset it: a screen reader then announces the page, and the keyboard
 * starts from its top. Changing only the query string (the inbox filters) keeps focus.
 */
export function useFocusOnNavigate(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  // A layout effect: focus lands in the same frame as the new page, never on the old one.
  useLayoutEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
    target?.focus();
  }, [pathname]);
}
