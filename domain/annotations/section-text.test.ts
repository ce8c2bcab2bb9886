import { describe, expect, it } from 'vitest';
import type { Section } from '../contracts/sections.ts';
import { locateQuote, normalizeForQuote, selectorForPassage } from './section-text.ts';

const narrative: Section = { key: 'n', title: 'N', kind: 'narrative', markdown: 'The **disparate impact** ratio\nis [measured](https://x.example) here. The ratio is low.' };

describe('text-quote anchoring', () => {
  it('finds a quote across Markdown markup and line breaks', () => {
    expect(normalizeForQuote('a **b**\n\n c')).toBe('a b c');
    expect(locateQuote(narrative, { exact: 'disparate impact ratio is measured', prefix: '', suffix: '' })).toBeGreaterThan(-1);
  });

  it('uses prefix and suffix to choose among repeats', () => {
    const first = locateQuote(narrative, { exact: 'ratio', prefix: 'disparate impact', suffix: 'is measured' });
    const second = locateQuote(narrative, { exact: 'ratio', prefix: 'The', suffix: 'is low' });
    expect(second).toBeGreaterThan(first);
  });

  it('does not find text that is not there, nor field names', () => {
    expect(locateQuote(narrative, { exact: 'approval rate', prefix: '', suffix: '' })).toBe(-1);
    expect(locateQuote(narrative, { exact: 'markdown', prefix: '', suffix: '' })).toBe(-1);
  });

  it('makes a selector for a typed passage, with the section’s context either side', () => {
    const selector = selectorForPassage(narrative, '  is measured ');
    expect(selector).toEqual({ exact: 'is measured', prefix: 'N The disparate impact ratio', suffix: 'here. The ratio is low.' });
    expect(selector && locateQuote(narrative, selector)).toBeGreaterThan(-1);
    expect(selectorForPassage(narrative, 'approval rate')).toBeNull();
    expect(selectorForPassage(narrative, '   ')).toBeNull();
  });
});
