// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PackageMarkdown } from './markdown.tsx';
import { markdownParts } from './markdown-parts.ts';

// Blocks a cut may fall between: each is a top-level block, or several that a blank line
// separates or joins (loose lists, fences with blank lines, an item's second paragraph).
const cuttable = [
  'A paragraph with *emphasis*, **strong**, `code`, ~~struck~~, a [link](https://example.com/a) and www.example.org.',
  'Two lines of one paragraph,\nthe second with a hard break  \nand a third.',
  '# A first-level heading',
  '## A second-level heading with `code`',
  '#### A fourth-level heading',
  '- a tight list\n- of two items',
  '- a loose list\n\n- whose items a blank line separates\n\n- three of them',
  '1. an ordered list\n2. in two items',
  '3. a list that starts at three\n4. and goes on',
  '- an item\n  - a nested item\n\n  A second paragraph in the first item.',
  '- [ ] a task not done\n- [x] a task done',
  '```js\nconst a = 1;\n\n# not a heading: code\n\n- nor a list\n```',
  '~~~\n```\n\nstill code, behind a tilde fence\n\n~~~',
  '> a quotation\n>\n> in two paragraphs',
  '> a quotation with a\nlazy line',
  '| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |',
  '***',
  '    indented code\n\n    with a blank line inside',
  '\\# an escaped hash, not a heading',
  'Ends with an autolink <https://example.com/b> and an email me@example.com.',
  '    only code\nThen a paragraph line at the margin.',
];
// Blocks that make a text one that is not cut: each needs something of the whole text, or
// its kind of heading is not known without a parse.
const refusing = [
  'A [reference][r] link.\n\n[r]: https://example.com/r',
  'A footnote call[^1].\n\n[^1]: The note.',
  '<div>\n\n# inside HTML\n\n</div>',
  'A setext heading\n================',
  'Another setext heading\n---',
  '> # a heading in a quotation',
  '- # a heading in a list item',
  '  ```\n  an indented fence\n  ```',
  '```not`a fence```',
];

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function text(random: () => number, blocks: readonly string[], extra: string | undefined, length: number): string {
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const block = blocks[Math.floor(random() * blocks.length)] ?? '';
    out.push(block);
    size += block.length + 2;
    if (extra !== undefined && out.length === 40) out.push(extra);
  }
  return out.join(random() < 0.2 ? '\n\n\n' : '\n\n');
}

function rendered(markdown: string, whole: boolean): string {
  const view = render(
    <PackageMarkdown headingLevel={3} idPrefix="section-x" {...(whole ? { rehypePlugins: [] } : {})}>
      {markdown}
    </PackageMarkdown>,
  );
  const html = view.container.innerHTML;
  view.unmount();
  return html;
}

describe('markdownParts', () => {
  it('leaves a text no longer than a part whole', () => {
    expect(markdownParts('Short.\n\nText.', 100)).toBeNull();
  });

  it('cuts only before a block at the left margin after a blank line, and knows the shallowest heading', () => {
    const paragraph = 'word '.repeat(20).trim();
    const markdown = ['## Top', paragraph, '- item', paragraph, '```', '', paragraph, '', '```', paragraph, '### Below', paragraph].join('\n\n');
    const split = markdownParts(markdown, 50);
    expect(split?.shallowest).toBe(2);
    expect(split?.parts.length).toBeGreaterThan(2);
    expect(split?.parts.join('')).toBe(markdown);
    // Never before a list item (a blank line may continue its list), never inside the fence.
    for (const part of split?.parts ?? []) {
      expect(part.startsWith('- ')).toBe(false);
      expect(part.split('```').length % 2).toBe(1);
    }
  });

  it.each(refusing)('does not cut a text with %j in it', (block) => {
    const random = seeded(3);
    expect(markdownParts(text(random, cuttable.slice(0, 2), block, 20_000), 1_000)).toBeNull();
  });
});

describe('PackageMarkdown of a long text', () => {
  it('renders exactly what the whole text renders, cut into parts or not', () => {
    let cut = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const random = seeded(seed);
      const extra = seed % 2 === 0 ? refusing[seed % refusing.length] : undefined;
      const markdown = text(random, cuttable, extra, 13_000);
      if (markdownParts(markdown, 6_000)) cut += 1;
      expect(rendered(markdown, false), `seed ${seed}`).toBe(rendered(markdown, true));
    }
    // The comparison is between parts and the whole: the texts without a refusing block were cut.
    expect(cut).toBe(3);
  });

  it('shifts every part’s headings from the whole text’s shallowest heading', () => {
    const filler = Array.from({ length: 80 }, (_, index) => `Paragraph ${index} with some words in it to fill the part.`).join('\n\n');
    const markdown = `## Second level first\n\n${filler}\n\n# First level later\n\n${filler}\n\n### Third level`;
    expect(markdownParts(markdown, 6_000)?.parts.length).toBeGreaterThan(1);
    const html = rendered(markdown, false);
    expect(html).toBe(rendered(markdown, true));
    expect(html).toContain('<h4>Second level first</h4>');
    expect(html).toContain('<h3>First level later</h3>');
    expect(html).toContain('<h5>Third level</h5>');
  });
});
