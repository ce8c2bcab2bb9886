import { describe, expect, it } from 'vitest';
import { navItems, navItemsFor, type NavItem } from './navigation.ts';

const paths = (roles: Parameters<typeof navItemsFor>[0], group: NavItem['group']) =>
  navItemsFor(roles)
    .filter((item) => item.group === group)
    .map((item) => item.to);

describe('navItemsFor', () => {
  it('gives everyone the inbox and the verifier, overseers the dashboard and audit log', () => {
    expect(paths(['model_owner'], 'main')).toEqual(['/', '/notifications', '/findings', '/verify']);
    expect(paths(['admin'], 'main')).toEqual(['/', '/notifications', '/dashboard', '/audit', '/verify']);
    expect(paths(['committee'], 'main')).toEqual(['/', '/notifications', '/findings', '/dashboard', '/audit', '/verify']);
    expect(paths(['fair_lending'], 'main')).toEqual(['/', '/notifications', '/findings', '/verify']);
  });

  it('puts administration in its own menu, and the account pages under the user', () => {
    expect(paths(['admin'], 'admin')).toEqual(['/admin/templates', '/admin/policies', '/admin/business-lines', '/admin/catalogue-proposals', '/admin/tokens', '/admin/webhooks', '/admin/users', '/admin/sso', '/findings', '/admin/registries', '/admin/risk-tiering']);
    expect(paths(['fair_lending'], 'admin')).toEqual([]);
    expect(paths(['admin'], 'account')).toEqual(['/account', '/account/notifications']);
    expect(paths(['fair_lending'], 'account')).toEqual(['/account', '/account/passkeys', '/account/delegations', '/account/notifications']);
    expect(paths(['model_owner'], 'account')).toEqual(['/account', '/admin/tokens', '/account/notifications', '/registry-drafts']);
  });

  it('lists a page once for someone who may reach it two ways', () => {
    expect(navItemsFor(['model_owner', 'admin']).filter((item) => item.to === '/admin/tokens')).toEqual([expect.objectContaining({ group: 'admin' })]);
  });

  it('shows a role-bound link only to holders of the role', () => {
    const items: NavItem[] = [...navItems, { to: '/admin', name: 'Administration', group: 'admin', roles: ['admin'] }];
    expect(navItemsFor(['admin'], items).map((item) => item.to)).toContain('/admin');
    expect(navItemsFor(['model_risk'], items).map((item) => item.to)).not.toContain('/admin');
  });
});
