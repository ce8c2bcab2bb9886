import { describe, expect, it } from 'vitest';
import { diffMarkdownBlocks, markdownBlocks } from './markdown-blocks.ts';
import { defaultDiffBounds } from './types.ts';

const statuses = (before: string, after: string) => diffMarkdownBlocks(before, after, defaultDiffBounds).map((block) => `${block.kind}:${block.status}`);

describe('markdownBlocks', () => {
  it('finds headings, paragraphs, list items, tables and code as blocks, with their markers', () => {
    const text = ['## Data', '', 'First line', 'second line.', '', '- one', '  more of one', '- [x] two', '1. three', '', '| a | b |', '| --- | --- |', '| 1 | 2 |', '', '```', 'code', '', 'still code', '```', '> quoted'].join('\n');
    expect(markdownBlocks(text).map((block) => [block.kind, block.prefix])).toEqual([
      ['heading', '## '],
      ['paragraph', ''],
      ['list-item', '- '],
      ['list-item', '- [x] '],
      ['list-item', '1. '],
      ['table-head', ''],
      ['table-row', ''],
      ['code', ''],
      ['other', ''],
    ]);
    expect(markdownBlocks(text)[1]?.text).toBe('First line\nsecond line.');
    expect(markdownBlocks(text)[2]?.text).toBe('- one\n  more of one');
  });
});

describe('diffMarkdownBlocks', () => {
  it('keeps unchanged blocks and compares a slightly edited paragraph word by word', () => {
    const diff = diffMarkdownBlocks('## Scope\n\nMonitoring is quarterly by age band and region.', '## Scope\n\nMonitoring is monthly by age band and region.', defaultDiffBounds);
    expect(diff.map((block) => block.status)).toEqual(['unchanged', 'modified']);
    expect(diff[1]?.spans).toEqual([
      { op: 'equal', text: 'Monitoring is ' },
      { op: 'delete', text: 'quarterly' },
      { op: 'insert', text: 'monthly' },
      { op: 'equal', text: ' by age band and region.' },
    ]);
  });

  it('shows a paragraph mostly changed as the old one then the new one', () => {
    const diff = diffMarkdownBlocks('The model is retrained every quarter on bureau data.', 'The model is refreshed weekly from streaming application events and repayments.', defaultDiffBounds);
    expect(diff.map((block) => block.status)).toEqual(['rewritten']);
    expect(diff[0]?.spans).toBeNull();
    expect(diff[0]?.before?.text).toMatch(/quarter/);
    expect(diff[0]?.after?.text).toMatch(/weekly/);
  });

  it('takes a changed heading level as a rewrite, not a word change inside the marker', () => {
    expect(statuses('## Limits', '### Limits')).toEqual(['heading:rewritten']);
  });

  it('pairs an edited paragraph with its new version past a paragraph inserted before it', () => {
    expect(statuses('Intro.\n\nThe approval threshold is 0.80 for every band.', 'Intro.\n\nA new paragraph about something else entirely.\n\nThe approval threshold is 0.85 for every band.')).toEqual([
      'paragraph:unchanged',
      'paragraph:added',
      'paragraph:modified',
    ]);
  });

  it('marks added and removed list items and table rows one by one', () => {
    expect(statuses('- a\n- b\n- c', '- a\n- c\n- d')).toEqual(['list-item:unchanged', 'list-item:removed', 'list-item:unchanged', 'list-item:added']);
    expect(statuses('| k | v |\n| - | - |\n| x | 1 |\n| y | 2 |', '| k | v |\n| - | - |\n| x | 1 |\n| y | 3 |')).toEqual(['table-head:unchanged', 'table-row:unchanged', 'table-row:rewritten']);
  });
});
