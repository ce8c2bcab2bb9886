import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './oidc-return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeReturnTo('/packages/pkg_1?version=2#section-evaluation')).toBe('/packages/pkg_1?version=2#section-evaluation');
    expect(safeReturnTo('/')).toBe('/');
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['absolute', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/x'],
    ['backslash', '/\\evil.example'],
    ['normalizes to protocol-relative', '/.//evil.example'],
    ['dot segments to protocol-relative', '/a/..//evil.example'],
    ['tab', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['scheme', 'javascript:alert(1)'],
    ['relative', 'evil.example'],
    ['the log-in page', '/login?next=/x'],
    ['the API', '/api/session'],
    ['very long', `/${'a'.repeat(3000)}`],
  ])('falls back to / for %s', (_, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
