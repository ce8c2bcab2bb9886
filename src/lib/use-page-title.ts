import { useLayoutEffect } from 'react';

export const productName = 'Model Approval';

/**
 * Each page names itself in the tab and in the history list, before the product name. A
 * layout effect: the title changes in the same commit as the page, never a moment after
 * (a screen reader, or an accessibility check, may read it right away).
 */
export function usePageTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = `${title} · ${productName}`;
  }, [title]);
}
