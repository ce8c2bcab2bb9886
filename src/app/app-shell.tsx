import { NavLink, Outlet, matchPath, useHref, useLocation, useNavigate } from 'react-router';
import { RouterProvider } from 'react-aria-components';
import { roleLabels } from '#domain/contracts/roles.ts';
import { ProductName } from '../components/ui/product-name.tsx';
import { SkipLink } from '../components/ui/skip-link.tsx';
import { ConfirmationToast } from '../components/ui/confirmation-toast.tsx';
import { useCurrentUser } from '../features/auth/api/get-session.ts';
import { useForgetAnswersAfterSignOut, useLogout } from '../features/auth/api/logout.ts';
import { describeError } from '../lib/describe-error.ts';
import { HeaderMenu } from './header-menu.tsx';
import { navItemsFor, type NavItem } from './navigation.ts';

const navLinkClasses =
  'block whitespace-nowrap border-b-4 border-transparent px-1 py-4 font-semibold text-slate-700 no-underline hover:border-slate-300 hover:text-slate-900 aria-[current=page]:border-blue-800 aria-[current=page]:text-slate-900';
const menuButtonClasses =
  'flex items-center gap-1 whitespace-nowrap border-b-4 border-transparent px-1 py-4 font-semibold text-slate-700 hover:border-slate-300 hover:text-slate-900 data-[current]:border-blue-800 data-[current]:text-slate-900 data-[pressed]:text-slate-900';
const userButtonClasses = 'flex min-w-0 items-center gap-2 rounded-md px-2 py-1 text-right hover:bg-slate-100';

/**
 * The frame of every signed-in page: who you are, where you can go, and a way out, in one row
 * at every width. From the large breakpoint the main links stand in the row, administration
 * in a menu; below it one "Menu" holds them all. The account's pages and signing out are under
 * the user's name.
 */
export function AppShell() {
  const user = useCurrentUser();
  useForgetAnswersAfterSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useLogout();
  const items = navItemsFor(user?.roles ?? []);
  const inGroup = (group: NavItem['group']) => items.filter((item) => item.group === group);
  const [main, admin, account] = [inGroup('main'), inGroup('admin'), inGroup('account')];
  const isCurrent = (list: readonly NavItem[]) => list.some((item) => matchPath({ path: item.to, end: item.end ?? false }, pathname));
  const roles = user ? user.roles.map((role) => roleLabels[role]).join(', ') : '';
  return (
    <RouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        {/* The full width of the window (not the content's column): an administrator's row needs it at 1280 px. */}
        <div className="flex items-center gap-x-4 px-4 sm:px-6 lg:gap-x-6">
          <div className="shrink-0 py-3">
            <ProductName collapse />
          </div>
          <nav aria-label="Main" className="min-w-0">
            <ul className="hidden items-center gap-x-4 lg:flex">
              {main.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false} className={navLinkClasses}>
                    {item.label ?? item.name}
                  </NavLink>
                </li>
              ))}
              {admin.length > 0 && (
                <li>
                  <HeaderMenu trigger="Administration" triggerClassName={menuButtonClasses} groups={[{ items: admin }]} current={isCurrent(admin)} />
                </li>
              )}
            </ul>
            <div className="lg:hidden">
              <HeaderMenu
                trigger="Menu"
                triggerClassName={menuButtonClasses}
                groups={[{ items: main }, ...(admin.length > 0 ? [{ heading: 'Administration', items: admin }] : [])]}
                current={isCurrent([...main, ...admin])}
              />
            </div>
          </nav>
          {user && (
            <div className="ml-auto flex min-w-0 flex-col items-end py-2">
              <HeaderMenu
                triggerClassName={userButtonClasses}
                trigger={
                  <span className="min-w-0 leading-tight">
                    <span className="block truncate font-semibold">{user.displayName}</span>
                    <span className="hidden truncate text-sm text-slate-600 sm:block">{roles}</span>
                    <span className="sr-only">, account menu</span>
                  </span>
                }
                groups={[{ heading: roles, items: account }]}
                action={{ name: logout.isPending ? 'Signing out…' : 'Sign out', onAction: () => logout.mutate() }}
                current={isCurrent(account)}
              />
              {/* Not signed out is worth saying: the next person at this browser would be "you". */}
              <p role="alert" className="text-sm text-red-800">
                {logout.isError ? `Sign-out failed. ${describeError(logout.error)}` : ''}
              </p>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <Outlet />
      </main>
      <ConfirmationToast />
    </RouterProvider>
  );
}
