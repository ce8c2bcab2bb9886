import { createElement, type ReactNode } from 'react';
import { reviewerRoles, roleSchema, type Role } from '#domain/contracts/roles.ts';
import { InboxNavLabel } from '../features/inbox/components/inbox-nav-label.tsx';
import { NotificationsNavLabel } from '../features/notifications/components/notifications-nav-label.tsx';

/**
 * Where a link sits in the header: in the row of the main navigation (one "Menu" on a narrow
 * screen), in the Administration menu, or in the menu under the user's name (their account).
 */
export type NavGroup = 'main' | 'admin' | 'account';

export interface NavItem {
  to: string;
  /** The words of the link, for a menu's type-to-select. */
  name: string;
  /** What the link says; may carry a live count, such as "Inbox (2)". */
  label?: ReactNode;
  group: NavGroup;
  /** Match only this exact path (the inbox at "/" would otherwise match every page). */
  end?: boolean;
  /** Who sees the link; everyone when absent. Only pages that exist get a link. */
  roles?: readonly Role[];
}

export const navItems: readonly NavItem[] = [
  { to: '/', name: 'Inbox', label: createElement(InboxNavLabel), group: 'main', end: true },
  // Every signed-in user, with a live unread count.
  { to: '/notifications', name: 'Notifications', label: createElement(NotificationsNavLabel), group: 'main' },
  // Every finding on the packages the user may see: owners theirs, reviewers and the committee all
  // (administrators find it under Administration: their header row has no room left).
  { to: '/findings', name: 'Findings', group: 'main', roles: roleSchema.options.filter((role) => role !== 'admin') },
  // The committee and administrators oversee every package and the whole audit log.
  { to: '/dashboard', name: 'Dashboard', group: 'main', roles: ['committee', 'admin'] },
  { to: '/audit', name: 'Audit log', group: 'main', roles: ['committee', 'admin'] },
  // Anyone may check an exported record; the page works without a session or a network.
  { to: '/verify', name: 'Verify a record', group: 'main' },
  // Administrators publish the approval chains.
  { to: '/admin/templates', name: 'Templates', group: 'admin', roles: ['admin'] },
  // Administrators publish the organisation's thresholds that submissions are checked against.
  { to: '/admin/policies', name: 'Policies', group: 'admin', roles: ['admin'] },
  // Administrators keep the closed list of business lines packages, policies and templates name.
  { to: '/admin/business-lines', name: 'Business lines', group: 'admin', roles: ['admin'] },
  // Catalogue changes one administrator proposed wait here for another's approval (0182).
  { to: '/admin/catalogue-proposals', name: 'Catalogue proposals', group: 'admin', roles: ['admin'] },
  // Administrators see and revoke every token (an owner's own are under their name, below).
  { to: '/admin/tokens', name: 'API tokens', group: 'admin', roles: ['admin'] },
  // Administrators register the endpoints that receive workflow events.
  { to: '/admin/webhooks', name: 'Webhooks', group: 'admin', roles: ['admin'] },
  // Administrators create accounts, set their roles, disable them and reset their passwords.
  { to: '/admin/users', name: 'Users', group: 'admin', roles: ['admin'] },
  // Administrators see how SAML single sign-on is configured (read-only).
  { to: '/admin/sso', name: 'Single sign-on', group: 'admin', roles: ['admin'] },
  { to: '/findings', name: 'Findings register', group: 'admin', roles: ['admin'] },
  // Everyone's own password and sessions.
  { to: '/account', name: 'Account', group: 'account', end: true },
  // Reviewers sign decisions; the passkeys they sign with are theirs to manage.
  { to: '/account/passkeys', name: 'Passkeys', group: 'account', roles: reviewerRoles },
  // Reviewers delegate their role while away.
  { to: '/account/delegations', name: 'Delegations', group: 'account', roles: reviewerRoles },
  // Model owners create theirs (a token submits in its creator's name).
  { to: '/admin/tokens', name: 'API tokens', group: 'account', roles: ['model_owner'] },
  // Everyone chooses what is mailed to them (links in mail lead back here).
  { to: '/account/notifications', name: 'Email notifications', group: 'account' },
  // Administrators see the connected model registries, test them, and follow the write-backs.
  { to: '/admin/registries', name: 'Model registries', group: 'admin', roles: ['admin'] },
  // Administrators see the tiering method versions and publish the revalidation schedule.
  { to: '/admin/risk-tiering', name: 'Risk tiering', group: 'admin', roles: ['admin'] },
  // Model owners find the drafts registry events made for them.
  { to: '/registry-drafts', name: 'Registry drafts', group: 'account', roles: ['model_owner'] },
];

/** The links a user with these roles sees, each page once (an administrator's tokens page is under Administration). */
export function navItemsFor(roles: readonly Role[], items: readonly NavItem[] = navItems): NavItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.to) || (item.roles && !item.roles.some((role) => roles.includes(role)))) return false;
    seen.add(item.to);
    return true;
  });
}
