import { NavLink, Outlet } from 'react-router';
import { roleLabels } from '#domain/contracts/roles.ts';
import { ProductName } from '../components/ui/product-name.tsx';
import { SkipLink } from '../components/ui/skip-link.tsx';
import { useCurrentUser } from '../features/auth/api/get-session.ts';
import { useForgetAnswersAfterSignOut } from '../features/auth/api/logout.ts';
import { SignOutButton } from '../features/auth/components/sign-out-button.tsx';
import { navItemsFor } from './navigation.ts';

const navLinkClasses =
  'block whitespace-nowrap border-b-4 border-transparent px-1 py-3 font-semibold text-slate-700 no-underline hover:border-slate-300 hover:text-slate-900 aria-[current=page]:border-blue-800 aria-[current=page]:text-slate-900';

/** The frame of every signed-in page: who you are, where you can go, and a way out. */
export function AppShell() {
  const user = useCurrentUser();
  useForgetAnswersAfterSignOut();
  const items = navItemsFor(user?.roles ?? []);
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 px-4 sm:px-6">
          <div className="py-3">
            <ProductName />
          </div>
          {user && (
            <div className="ml-auto flex items-center gap-4 py-3">
              <p className="text-right leading-tight">
                <span className="block font-semibold">{user.displayName}</span>
                <span className="block text-sm text-slate-600">{user.roles.map((role) => roleLabels[role]).join(', ')}</span>
              </p>
              {/* Everyone's own password and sessions. */}
              <NavLink to="/account" end className="font-semibold">
                Account
              </NavLink>
              <SignOutButton />
            </div>
          )}
          <nav aria-label="Main" className="basis-full">
            {/* A row of its own under who is signed in, wrapping on a narrow screen rather than widen the page. */}
            <ul className="flex flex-wrap gap-x-5">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false} className={navLinkClasses}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <Outlet />
      </main>
    </>
  );
}
