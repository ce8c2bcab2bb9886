// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarkdownBlock, MarkdownBlockDiff, SectionDiff } from '#domain/diff/types.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { diffBlocks } from '../diff-blocks.ts';
import { DiffList } from './diff-list.tsx';

const blockHeight = 300;

const unchanged = (block: MarkdownBlock): MarkdownBlockDiff => ({ status: 'unchanged', kind: block.kind, before: block, after: block, spans: null });

// A narrative long enough to be cut into many list blocks, each with a heading of its own.
function longNarrative(): SectionDiff {
  const parts: MarkdownBlockDiff[] = [];
  for (let n = 1; n <= 40; n += 1) {
    parts.push(unchanged({ kind: 'heading', text: `## Part ${n}`, prefix: '## ' }));
    parts.push(unchanged({ kind: 'paragraph', text: `Paragraph ${n}: ${'words of the narrative '.repeat(140)}`, prefix: '' }));
  }
  parts.push({ status: 'added', kind: 'paragraph', before: null, after: { kind: 'paragraph', text: 'A closing note.', prefix: '' }, spans: null });
  return {
    key: 'methodology',
    title: 'Methodology',
    kind: 'narrative',
    kindBefore: null,
    status: 'modified',
    fields: [{ key: 'markdown', label: 'Text', status: 'modified', before: null, after: null, text: { spans: [], granularity: 'words', insertedWords: 3, deletedWords: 0 }, blocks: parts }],
    columns: [],
    rows: [],
    changes: 1,
    flips: { toPass: 0, toFail: 0 },
    coarse: false,
  };
}

const context = { packageId: 'pkg', from: 1, to: 2, mode: 'unified', labels: { before: 'Version 1', after: 'Version 2' }, expanded: new Set<string>(), onToggle: () => undefined, sectionContent: () => undefined } as const;

async function renderList(scrollY: number) {
  const blocks = diffBlocks([longNarrative()], new Map(), new Set());
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <main>
          <h1>Compare versions</h1>
          <h2>Changes, section by section</h2>
          <DiffList blocks={blocks} stops={[]} reveal={null} context={context} />
        </main>
      ),
    },
  ]);
  render(<RouterProvider router={router} />);
  // The blocks measured, the reader scrolls.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  Object.defineProperty(window, 'scrollY', { configurable: true, value: scrollY });
  await act(async () => {
    fireEvent.scroll(window);
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  return blocks;
}

describe('the diff list, scrolled into a long section', () => {
  beforeEach(() => {
    // jsdom lays nothing out: every block of the list is given a height (the virtualizer measures
    // offsetHeight), so the window is a part of the list and follows the scroll offset.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.index === undefined ? 0 : blockHeight;
    });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
  });

  it('keeps the section’s heading before its text’s headings, so the outline has no gap', async () => {
    const blocks = await renderList(12 * blockHeight);
    expect(blocks.length).toBeGreaterThan(20);
    const shown = [...document.querySelectorAll<HTMLElement>('[data-index]')].map((node) => Number(node.dataset.index));
    // The window starts well inside the section (the test would prove nothing otherwise)…
    expect(shown.filter((index) => index > 0)[0]).toBeGreaterThan(4);
    // …and the section's head is rendered first all the same.
    expect(shown[0]).toBe(0);
    const headings = screen.getAllByRole('heading').map((heading) => heading.tagName);
    expect(headings.slice(0, 4)).toEqual(['H1', 'H2', 'H3', 'H4']);
    // The list alone: the document around it is jsdom's bare one (no title, no language).
    await expectNoAxeViolations(screen.getByRole('main'));
  });

  it('renders the head once when the window starts at it', async () => {
    await renderList(0);
    const shown = [...document.querySelectorAll<HTMLElement>('[data-index]')].map((node) => Number(node.dataset.index));
    expect(shown.filter((index) => index === 0)).toHaveLength(1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
  });
});
