import type { ReactNode } from 'react';

/**
 * The page's one h1. tabIndex -1 lets the router move focus here after a navigation, so a
 * screen reader announces the new page and keyboard users start from its top.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 tabIndex={-1} className="text-3xl font-bold tracking-tight text-slate-900">
      {children}
    </h1>
  );
}
