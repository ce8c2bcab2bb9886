import { describe, expect, it } from 'vitest';
import { navItems, navItemsFor, type NavItem } from './navigation.ts';

describe('navItemsFor', () => {
  it('gives everyone the inbox, and reviewers their passkeys', () => {
    expect(navItemsFor(['model_owner']).map((item) => item.to)).toEqual(['/']);
    expect(navItemsFor(['admin']).map((item) => item.to)).toEqual(['/']);
    expect(navItemsFor(['committee']).map((item) => item.to)).toEqual(['/', '/account/passkeys']);
  });

  it('shows a role-bound link only to holders of the role', () => {
    const items: NavItem[] = [...navItems, { to: '/admin', label: 'Administration', roles: ['admin'] }];
    expect(navItemsFor(['admin'], items).map((item) => item.to)).toEqual(['/', '/admin']);
    expect(navItemsFor(['model_risk'], items).map((item) => item.to)).toEqual(['/', '/account/passkeys']);
  });
});
