import { describe, expect, it } from 'vitest';
import { shownName } from './shown-name.ts';

describe('shownName', () => {
  it('drops bidi overrides and isolates, zero-width characters, controls and fillers; keeps letters of every script', () => {
    expect(shownName('Mortgage \u202Exal\u202C credit')).toBe('Mortgage xal credit');
    expect(shownName('\u2066Auto\u2069 loans\u200b\u200d\uFEFF')).toBe('Auto loans');
    expect(shownName('Line\nbreak\u0007 \u3164here')).toBe('Line break here');
    expect(shownName('Crédit à la consommation — 住宅ローン')).toBe('Crédit à la consommation — 住宅ローン');
  });
});
