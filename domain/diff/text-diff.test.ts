import { describe, expect, it } from 'vitest';
import { countWords, diffText } from './text-diff.ts';
import { defaultDiffBounds } from './types.ts';

describe('diffText', () => {
  it('short-circuits equal texts to one equal span', () => {
    expect(diffText('The ratio is 0.86.', 'The ratio is 0.86.', defaultDiffBounds)).toEqual({
      spans: [{ op: 'equal', text: 'The ratio is 0.86.' }],
      granularity: 'words',
      insertedWords: 0,
      deletedWords: 0,
    });
    expect(diffText('', '', defaultDiffBounds).spans).toEqual([]);
  });

  it('compares word by word, keeping the white space, and counts the words', () => {
    const diff = diffText('Monitoring is quarterly by age band.', 'Monitoring is monthly by age band, with an amber limit.', defaultDiffBounds);
    expect(diff.granularity).toBe('words');
    expect(diff.spans).toEqual([
      { op: 'equal', text: 'Monitoring is ' },
      { op: 'delete', text: 'quarterly' },
      { op: 'insert', text: 'monthly' },
      { op: 'equal', text: ' by age band' },
      { op: 'insert', text: ', with an amber limit' },
      { op: 'equal', text: '.' },
    ]);
    // "monthly" and ", with an amber limit" (the comma standing alone counts as a word).
    expect(diff.insertedWords).toBe(6);
    expect(diff.deletedWords).toBe(1);
  });

  it('treats a text added or emptied as one insertion or deletion', () => {
    expect(diffText('', 'New notes here', defaultDiffBounds)).toEqual({ spans: [{ op: 'insert', text: 'New notes here' }], granularity: 'words', insertedWords: 3, deletedWords: 0 });
    expect(diffText('Old notes', '', defaultDiffBounds)).toEqual({ spans: [{ op: 'delete', text: 'Old notes' }], granularity: 'words', insertedWords: 0, deletedWords: 2 });
  });

  it('falls back to lines when the word diff exceeds its edit length', () => {
    // Six words replaced need twelve word edits; the one replaced line needs two.
    const tiny = { maxEditLength: 2, timeoutMs: 1_000 };
    const diff = diffText('one two three four five six\nunchanged line', 'uno dos tres cuatro cinco seis\nunchanged line', tiny);
    expect(diff.granularity).toBe('lines');
    expect(diff.spans).toEqual([
      { op: 'delete', text: 'one two three four five six\n' },
      { op: 'insert', text: 'uno dos tres cuatro cinco seis\n' },
      { op: 'equal', text: 'unchanged line' },
    ]);
    expect(diff.insertedWords).toBe(6);
    expect(diff.deletedWords).toBe(6);
  });

  it('falls back to a whole replacement when the line diff exceeds it too', () => {
    const tiny = { maxEditLength: 2, timeoutMs: 1_000 };
    const diff = diffText('alpha\nbeta\ngamma', 'delta\nepsilon\nzeta', tiny);
    expect(diff.granularity).toBe('whole');
    expect(diff.spans).toEqual([
      { op: 'delete', text: 'alpha\nbeta\ngamma' },
      { op: 'insert', text: 'delta\nepsilon\nzeta' },
    ]);
    expect(diff.insertedWords).toBe(3);
    expect(diff.deletedWords).toBe(3);
  });

  it('rebuilds both texts from its spans at every granularity', () => {
    const before = 'The 62 and over group fails (0.78).\nCase FL-2025-014 is open.\nMonitoring is quarterly.';
    const after = 'All groups now pass (0.86).\nCase FL-2025-014 was closed.\nMonitoring is monthly.';
    for (const maxEditLength of [5_000, 4, 1]) {
      const diff = diffText(before, after, { maxEditLength, timeoutMs: 1_000 });
      expect(diff.spans.filter((span) => span.op !== 'insert').map((span) => span.text).join('')).toBe(before);
      expect(diff.spans.filter((span) => span.op !== 'delete').map((span) => span.text).join('')).toBe(after);
    }
  });
});

describe('countWords', () => {
  it('counts runs of non-white-space', () => {
    expect(countWords('  a  ratio of\n0.86, ')).toBe(4);
    expect(countWords(' \n ')).toBe(0);
  });
});
