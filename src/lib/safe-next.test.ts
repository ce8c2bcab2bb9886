import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './safe-next.ts';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/packages/pkg_1?tab=steps')).toBe('/packages/pkg_1?tab=steps');
  });

  it('refuses addresses that would leave the site or loop back to sign-in', () => {
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/login', '/login?next=/x', '', null]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });

  it('builds the login address that brings the reader back', () => {
    expect(loginPath('/?riskTier=1')).toBe('/login?next=%2F%3FriskTier%3D1');
    expect(loginPath('/')).toBe('/login');
  });
});
