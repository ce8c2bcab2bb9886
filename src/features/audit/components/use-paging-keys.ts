import { useEffect, useEffectEvent } from 'react';

/**
 * Page Down and Page Up (and Space, Shift+Space on the page itself) handed to `page` instead
 * of the browser while `active`: a scaled table moves several viewports of rows per viewport
 * of scroll, so the browser's own page step would pass rows over (docs/decisions/0236).
 * Keys typed into a field, or already handled, are left alone.
 */
export function usePagingKeys(active: boolean, page: (step: 1 | -1) => void): void {
  const onPage = useEffectEvent(page);
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const step = pagingStep(event);
      if (step === 0) return;
      event.preventDefault();
      onPage(step);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}

function pagingStep(event: KeyboardEvent): 1 | -1 | 0 {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return 0;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'))) return 0;
  if (event.key === 'PageDown') return 1;
  if (event.key === 'PageUp') return -1;
  // Space scrolls only when nothing that takes it (a button, a link) has the focus.
  if (event.key === ' ' && (target === document.body || target === document.documentElement)) return event.shiftKey ? -1 : 1;
  return 0;
}
