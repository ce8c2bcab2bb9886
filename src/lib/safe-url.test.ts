import { describe, expect, it } from 'vitest';
import { isExternalUrl, safeLinkUrl } from './safe-url.ts';

describe('safeLinkUrl', () => {
  it('keeps web and email addresses, and fragments on this page', () => {
    expect(safeLinkUrl('https://www.ecfr.gov/current/title-12/part-1002')).toBe('https://www.ecfr.gov/current/title-12/part-1002');
    expect(safeLinkUrl(' http://example.com ')).toBe('http://example.com/');
    expect(safeLinkUrl('mailto:owner@example.com')).toBe('mailto:owner@example.com');
    expect(safeLinkUrl('#section-evaluation')).toBe('#section-evaluation');
  });

  it('drops scripts, data, other schemes, relative paths and garbage', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/x',
      '/api/session',
      '//evil.example/x',
      'relative/path',
      '#',
      '',
    ]) {
      expect(safeLinkUrl(url), url).toBeNull();
    }
  });

  it('tells fragments from addresses that leave the page', () => {
    expect(isExternalUrl('https://example.com/')).toBe(true);
    expect(isExternalUrl('#section-evaluation')).toBe(false);
  });
});
