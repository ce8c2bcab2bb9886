// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { retailCreditPdV1 } from '#demo/index.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection, sectionOf } from '../../test/render-section.tsx';

afterEach(cleanup);

const hostile = `# Findings

<script>window.pwned = 'script'</script>

<iframe src="https://evil.example/frame"></iframe>

<img src="x" onerror="window.pwned = 'img'">

<svg xmlns="http://www.w3.org/2000/svg" onload="window.pwned = 'svg'"><script>window.pwned = 'svg script'</script></svg>

<a href="javascript:window.pwned = 'raw link'">raw link</a>

[script link](javascript:alert(1)) and [spaced](  JaVaScRiPt:alert(1)) and [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

[reference link][evil] and <javascript:alert(3)>

![tracking pixel](https://tracker.example/p.gif) ![inline](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)

[policy](https://example.com/policy) · [write to us](mailto:fair-lending@example.com) · [see evaluation](#section-evaluation)

[evil]: javascript:alert(2)
`;

describe('narrative section', () => {
  it('renders the Markdown with its headings under the section title', async () => {
    renderSection(sectionOf(retailCreditPdV1, 'intended_use', 'narrative'));
    expect(screen.getByRole('heading', { level: 2, name: 'Intended use and deployment scope' })).toBeInTheDocument();
    // "## Purpose" in the package becomes an h3 under the section's h2.
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Purpose',
      'Products and decisions in scope',
      'How the score is used',
      'Users',
      'Deployment scope',
      'Out-of-scope uses',
    ]);
    // GFM tables are real tables.
    expect(screen.getByRole('columnheader', { name: 'Decision the score informs' })).toBeInTheDocument();
    expect(screen.getByText('18 months of account opening', { selector: 'strong' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('keeps hostile Markdown inert: no scripts, frames, SVG, images or script links', async () => {
    const { section } = renderSection({ key: 'validation_findings', kind: 'narrative', title: 'Independent validation findings', markdown: hostile });

    expect(section.querySelectorAll('script, iframe, svg, img, object, embed, style, form, input')).toHaveLength(0);
    expect(section.querySelectorAll('[onerror], [onload], [style]')).toHaveLength(0);
    for (const link of section.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').toMatch(/^(https:|mailto:|#)/);
    }
    expect(Reflect.get(window, 'pwned')).toBeUndefined();

    // Raw HTML is shown as the text the submitter wrote, so the reviewer sees it was there.
    expect(section).toHaveTextContent("<script>window.pwned = 'script'</script>");
    // Dropped links keep their text and say why they are not links.
    expect(screen.getByText('script link').parentElement).toHaveTextContent('script link (link removed: not a web or email address)');
    expect(screen.queryByRole('link', { name: /script link|spaced|data link|reference link/ })).not.toBeInTheDocument();
    // Images are never fetched: a web address becomes a link, a data: one plain text.
    expect(screen.getByRole('link', { name: '[Image not shown: tracking pixel]' })).toHaveAttribute('href', 'https://tracker.example/p.gif');
    expect(screen.getByText('[Image not shown: inline]').tagName).toBe('SPAN');

    expect(screen.getByRole('link', { name: 'policy' })).toHaveAttribute('href', 'https://example.com/policy');
    expect(screen.getByRole('link', { name: 'policy' })).toHaveAttribute('rel', 'noreferrer noopener');
    expect(screen.getByRole('link', { name: 'write to us' })).toHaveAttribute('href', 'mailto:fair-lending@example.com');
    expect(screen.getByRole('link', { name: 'see evaluation' })).toHaveAttribute('href', '#section-evaluation');
    expect(screen.getByRole('link', { name: 'see evaluation' })).not.toHaveAttribute('rel');
    // "# Findings" is demoted below the section title.
    expect(screen.getByRole('heading', { level: 3, name: 'Findings' })).toBeInTheDocument();
    expect(screen.queryAllByRole('heading', { level: 1 })).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('keeps heading levels consecutive and prefixes generated ids with the section', () => {
    const markdown = '### Deep start\n\n#### Deeper\n\n###### Deepest\n\nA claim.[^1]\n\n[^1]: The source.';
    const { section } = renderSection({ key: 'design_methodology', kind: 'narrative', title: 'Design and methodology', markdown });
    expect(screen.getByRole('heading', { level: 3, name: 'Deep start' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Deeper' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 6, name: 'Deepest' })).toBeInTheDocument();
    const ids = [...section.querySelectorAll('[id]')].map((element) => element.id).filter((id) => !id.startsWith('section-design_methodology'));
    expect(ids).toEqual([]);
    const reference = section.querySelector('[aria-describedby]');
    expect(document.getElementById(reference?.getAttribute('aria-describedby') ?? '')).toHaveTextContent('Footnotes');
  });
});
