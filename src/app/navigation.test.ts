import { describe, expect, it } from 'vitest';
import { navItems, navItemsFor, type NavItem } from './navigation.ts';

describe('navItemsFor', () => {
  it('gives everyone the inbox and the verifier, reviewers their passkeys, overseers the dashboard and audit log', () => {
    expect(navItemsFor(['model_owner']).map((item) => item.to)).toEqual(['/', '/notifications', '/admin/tokens', '/verify']);
    expect(navItemsFor(['admin']).map((item) => item.to)).toEqual(['/', '/notifications', '/dashboard', '/audit', '/admin/templates', '/admin/tokens', '/admin/webhooks', '/admin/users', '/verify']);
    expect(navItemsFor(['committee']).map((item) => item.to)).toEqual(['/', '/notifications', '/account/passkeys', '/account/delegations', '/dashboard', '/audit', '/verify']);
    expect(navItemsFor(['fair_lending']).map((item) => item.to)).toEqual(['/', '/notifications', '/account/passkeys', '/account/delegations', '/verify']);
  });

  it('shows a role-bound link only to holders of the role', () => {
    const items: NavItem[] = [...navItems, { to: '/admin', label: 'Administration', roles: ['admin'] }];
    expect(navItemsFor(['admin'], items).map((item) => item.to)).toContain('/admin');
    expect(navItemsFor(['model_risk'], items).map((item) => item.to)).not.toContain('/admin');
  });
});
