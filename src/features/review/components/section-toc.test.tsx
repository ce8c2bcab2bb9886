// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retailCreditPdV2 } from '#demo/index.ts';
import { SectionToc } from './section-toc.tsx';

const sections = retailCreditPdV2.sections;

describe('the one-line contents list', () => {
  it('marks the section the reader is in, and says where each stands in words after its link', () => {
    const [first, second, third] = sections;
    if (!first || !second || !third) throw new Error('the demo has sections');
    const view = render(
      <SectionToc sections={sections} current={second.key} reviewedByMe={new Set([first.key])} openThreads={new Map([[second.key, 2]])} changed={{ keys: new Set([third.key]), since: 1 }} />,
    );
    const toc = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(toc).getAllByRole('link')).toHaveLength(sections.length);
    expect(within(toc).getByRole('link', { name: second.title })).toHaveAttribute('aria-current', 'location');
    expect(within(toc).getByRole('link', { name: first.title })).not.toHaveAttribute('aria-current');
    // The symbols on screen are hidden from the link's name; the words follow it.
    expect(within(toc).getByRole('link', { name: first.title }).closest('li')).toHaveTextContent(', reviewed by you');
    expect(within(toc).getByRole('link', { name: second.title }).closest('li')).toHaveTextContent(', not yet reviewed by you, ● 2 open threads');
    expect(within(toc).getByRole('link', { name: third.title }).closest('li')).toHaveTextContent(', changed since version 1');

    view.rerender(<SectionToc sections={sections} current={third.key} />);
    expect(within(toc).getByRole('link', { name: third.title })).toHaveAttribute('aria-current', 'location');
    expect(within(toc).getByRole('link', { name: second.title })).not.toHaveAttribute('aria-current');
  });
});

describe('keeping the current section in view on the line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads positions in the next frame, not in the commit that marked the section (decision 0187)', async () => {
    const [first, , third] = sections;
    if (!first || !third) throw new Error('the demo has sections');
    // jsdom lays nothing out: each link says it sits 100 px further along a 150 px wide line.
    const reads: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'offsetLeft', 'get').mockImplementation(function (this: HTMLElement) {
      reads.push(this.tagName);
      const item = this.closest('li');
      return item ? [...(item.parentElement?.children ?? [])].indexOf(item) * 100 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(90);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(150);
    const view = render(<SectionToc sections={sections} current={first.key} />);
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const line = within(view.container).getByRole('navigation', { name: 'Sections' }).querySelector('ol');
    if (!line) throw new Error('the line is a list');
    reads.length = 0;

    view.rerender(<SectionToc sections={sections} current={third.key} />);
    expect(reads).toEqual([]);
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(reads.length).toBeGreaterThan(0);
    // The third link starts at 200 px, past the 150 px shown: the line scrolls to it.
    expect(line.scrollLeft).toBe(184);
  });
});
