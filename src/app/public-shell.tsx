import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { ProductName } from '../components/ui/product-name.tsx';
import { SkipLink } from '../components/ui/skip-link.tsx';

/** The frame for pages seen without a session: sign-in, and errors before one is known. */
export function PublicShell({ children }: { children?: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center px-4 py-4 sm:px-6">
          <ProductName />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
        {children ?? <Outlet />}
      </main>
    </>
  );
}
