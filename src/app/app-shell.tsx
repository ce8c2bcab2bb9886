import { NavLink, Outlet } from 'react-router';
import { roleLabels } from '#domain/contracts/roles.ts';
import { ProductName } from '../components/ui/product-name.tsx';
import { SkipLink } from '../components/ui/skip-link.tsx';
import { useCurrentUser } from '../features/auth/api/get-session.ts';
import { useForgetAnswersAfterSignOut } from '../features/auth/api/logout.ts';
import { SignOutButton } from '../features/auth/components/sign-out-button.tsx';
import { navItemsFor } from './navigation.ts';

const navLinkClasses =
  'block border-b-4 border-transparent px-1 py-3 font-semibold text-slate-700 no-underline hover:border-slate-300 hover:text-slate-900 aria-[current=page]:border-blue-800 aria-[current=page]:text-slate-900';

/** The frame of every signed-in page: who you are, where you can go, and a way out. */
export function AppShell() {
  const user = useCurrentUser();
  useForgetAnswersAfterSignOut();
  const items = navItemsFor(user?.roles ?? []);
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 sm:px-6">
          <div className="py-3">
            <ProductName />
          </div>
          <nav aria-label="Main" className="flex-1">
            <ul className="flex gap-6">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false} className={navLinkClasses}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {user && (
            <div className="flex items-center gap-4 py-3">
              <p className="text-right leading-tight">
                <span className="block font-semibold">{user.displayName}</span>
                <span className="block text-sm text-slate-600">{user.roles.map((role) => roleLabels[role]).join(', ')}</span>
              </p>
              <SignOutButton />
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <Outlet />
      </main>
    </>
  );
}
