import { describe, expect, it } from 'vitest';
import { hasVisibleText, visibleCharacters } from './visible-text.ts';

describe('visible text', () => {
  it('finds nothing in zero-width, joiner, filler, control and space-only text', () => {
    for (const text of ['', '   ', '\u200b\u2060', '\u200b \u200c\u200d\ufeff', '\u3164\u115f', '\u2800\u00a0\u2003', '\u0301\u0300', '\u0000\u0007']) {
      expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('keeps what a reader sees, in any script', () => {
    expect(hasVisibleText('Patient safety.')).toBe(true);
    expect(hasVisibleText('\u200b.')).toBe(true);
    expect(hasVisibleText('患者の安全')).toBe(true);
    expect(visibleCharacters('a\u200b b\u2060c')).toBe('abc');
  });
});
