import { useEffect } from 'react';

export const productName = 'Model Approval';

/** Each page names itself in the tab and in the history list, before the product name. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${productName}`;
  }, [title]);
}
