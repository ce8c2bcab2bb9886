import { describe, expect, it } from 'vitest';
import { businessLineKey, businessLineProblem, businessLineSkeleton, mixesScripts, namesBusinessLine } from './business-line.ts';

describe('business line keys', () => {
  it('fold case, compatibility forms, invisible characters, spacing and trailing punctuation', () => {
    for (const spelling of ['consumer lending', 'CONSUMER LENDING', 'Consumer lending.', '  Consumer\u00a0\u2003lending ', 'Consumer\u200b lending', 'Ｃｏｎｓｕｍｅｒ lending', 'Consumer\tlending!?']) {
      expect(businessLineKey(spelling), spelling).toBe('consumer lending');
    }
    expect(businessLineKey('Consumer lending (EU)')).toBe('consumer lending (eu)');
  });

  it('tell different lines apart', () => {
    expect(namesBusinessLine(['Consumer lending'], 'Consumer loans')).toBe(false);
    expect(namesBusinessLine(['Consumer lending'], 'consumer  lending.')).toBe(true);
    expect(namesBusinessLine(undefined, 'Consumer lending')).toBe(false);
  });
});

describe('business lines refused at submission', () => {
  const known = ['Consumer lending', 'Mortgages', 'Card payments'];

  it('takes a known line spelled exactly and a line the organisation has not named', () => {
    expect(businessLineProblem('Consumer lending', known)).toBeNull();
    expect(businessLineProblem('Wealth management', known)).toBeNull();
    expect(businessLineProblem('Clinical operations', [])).toBeNull();
  });

  it('refuses a known line in another spelling, giving the known spelling', () => {
    for (const spelling of ['consumer lending', 'Consumer lending.', 'Consumer  lending', 'Consumer 1ending', 'Consumer Iending', 'Consumer lendlng']) {
      expect(businessLineProblem(spelling, known), spelling).toContain('write it exactly as "Consumer lending"');
    }
    expect(businessLineProblem('Mortgages\u200b', known)).toContain('"Mortgages"');
  });

  it('refuses letters of two scripts in one line (Cyrillic or Greek look-alikes among Latin)', () => {
    expect(mixesScripts('Consumer lеnding')).toBe(true); // Cyrillic е
    expect(mixesScripts('Cοnsumer lending')).toBe(true); // Greek ο
    expect(businessLineProblem('Cоnsumer lending', known)).toMatch(/Latin and Cyrillic/);
    expect(mixesScripts('Потребительское кредитование')).toBe(false);
    expect(mixesScripts('Consumer lending 消費者金融')).toBe(false);
    expect(mixesScripts('Consumer lending 2')).toBe(false);
  });
});

describe('business line skeletons (Unicode TR39 confusables, docs/decisions/0176)', () => {
  it('give a look-alike the skeleton of the line it imitates', () => {
    const pairs: [string, string][] = [
      ['Wealth management', 'Wealth rnanagement'], // rn for m
      ['Wealth management', 'Wealth ⅿanagement'], // a roman numeral one thousand
      ['Mortgages', 'Mortgɑges'], // Latin alpha
      ['Consumer lending', 'Consumer 1ending'],
      ['Consumer lending', 'Consumer Iending'],
      ['Consumer lending', 'Consumer Ɩending'], // Latin capital iota
      ['Consumer lending', 'Consumer ɩending'], // Latin small iota
      ['Consumer lending', 'Consumer ǀending'], // a click letter
      ['Consumer lending', 'ᴄonsumer lending'], // a small capital
      ['Consumer lending', 'C0nsumer lending'],
      ['Consumer lending', 'CONSUMER LENDING'],
      ['Consumer lending', 'Ｃｏｎｓｕｍｅｒ　ｌｅｎｄｉｎｇ'], // full-width
      ['Consumer lending', 'Consu\u200dmer\u200c lending'], // zero-width joiner and non-joiner
      ['Consumer lending', 'Consumer-lending'],
      ['Consumer lending', 'Consumer_\u2014 lending'],
      ['Cash', 'Саѕһ'], // all Cyrillic
      ['ABE', 'ΑΒΕ'], // all Greek
      ['OIO', '0l0'],
    ];
    for (const [line, lookAlike] of pairs) expect(businessLineSkeleton(lookAlike), `${lookAlike} / ${line}`).toBe(businessLineSkeleton(line));
  });

  it('keep different lines apart', () => {
    for (const [a, b] of [['Consumer lending', 'Consumer loans'], ['Mortgages', 'Mortgage'], ['Cards', 'Carts'], ['Lending (EU)', 'Lending (UK)'], ['Retail', 'Rental']] as const) expect(businessLineSkeleton(a), `${a} / ${b}`).not.toBe(businessLineSkeleton(b));
  });

  it('refuse a Latin-only look-alike of a known line, naming it', () => {
    expect(businessLineProblem('Mortgɑges', ['Mortgages'])).toContain('write it exactly as "Mortgages"');
    expect(businessLineProblem('Wealth-management', ['Wealth management'])).toContain('"Wealth management"');
  });
});
