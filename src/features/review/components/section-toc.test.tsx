// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
