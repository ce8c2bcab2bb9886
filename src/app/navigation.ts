import { createElement, type ReactNode } from 'react';
import { reviewerRoles, type Role } from '#domain/contracts/roles.ts';
import { InboxNavLabel } from '../features/inbox/components/inbox-nav-label.tsx';
import { NotificationsNavLabel } from '../features/notifications/components/notifications-nav-label.tsx';

export interface NavItem {
  to: string;
  /** What the link says; may carry a live count, such as "Inbox (2)". */
  label: ReactNode;
  /** Match only this exact path (the inbox at "/" would otherwise match every page). */
  end?: boolean;
  /** Who sees the link; everyone when absent. Only pages that exist get a link. */
  roles?: readonly Role[];
}

export const navItems: readonly NavItem[] = [
  { to: '/', label: createElement(InboxNavLabel), end: true },
  // Every signed-in user, with a live unread count.
  { to: '/notifications', label: createElement(NotificationsNavLabel) },
  // Reviewers sign decisions; the passkeys they sign with are theirs to manage.
  { to: '/account/passkeys', label: 'Passkeys', roles: reviewerRoles },
  // Reviewers delegate their role while away.
  { to: '/account/delegations', label: 'Delegations', roles: reviewerRoles },
  // The committee and administrators oversee every package and the whole audit log.
  { to: '/dashboard', label: 'Dashboard', roles: ['committee', 'admin'] },
  { to: '/audit', label: 'Audit log', roles: ['committee', 'admin'] },
  // Administrators publish the approval chains.
  { to: '/admin/templates', label: 'Templates', roles: ['admin'] },
  // Model owners create theirs (a token submits in its creator's name); administrators see and revoke all.
  { to: '/admin/tokens', label: 'API tokens', roles: ['model_owner', 'admin'] },
  // Administrators register the endpoints that receive workflow events.
  { to: '/admin/webhooks', label: 'Webhooks', roles: ['admin'] },
  // Administrators create accounts, set their roles, disable them and reset their passwords.
  { to: '/admin/users', label: 'Users', roles: ['admin'] },
  // Anyone may check an exported record; the page works without a session or a network.
  { to: '/verify', label: 'Verify a record' },
];

export function navItemsFor(roles: readonly Role[], items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}
