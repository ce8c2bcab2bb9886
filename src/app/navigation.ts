import type { Role } from '../../domain/contracts/roles.ts';

export interface NavItem {
  to: string;
  label: string;
  /** Match only this exact path (the inbox at "/" would otherwise match every page). */
  end?: boolean;
  /** Who sees the link; everyone when absent. Only pages that exist get a link. */
  roles?: readonly Role[];
}

export const navItems: readonly NavItem[] = [{ to: '/', label: 'Inbox', end: true }];

export function navItemsFor(roles: readonly Role[], items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}
