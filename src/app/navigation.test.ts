import { describe, expect, it } from 'vitest';
import { navItems, navItemsFor, type NavItem } from './navigation.ts';

describe('navItemsFor', () => {
  it('gives everyone the inbox', () => {
    expect(navItemsFor(['model_owner']).map((item) => item.label)).toEqual(['Inbox']);
    expect(navItemsFor(['committee']).map((item) => item.label)).toEqual(['Inbox']);
  });

  it('shows a role-bound link only to holders of the role', () => {
    const items: NavItem[] = [...navItems, { to: '/admin', label: 'Administration', roles: ['admin'] }];
    expect(navItemsFor(['admin'], items).map((item) => item.label)).toEqual(['Inbox', 'Administration']);
    expect(navItemsFor(['model_risk'], items).map((item) => item.label)).toEqual(['Inbox']);
  });
});
