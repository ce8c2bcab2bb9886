// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { retailCreditPdV1 } from '#demo/index.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection, sectionOf } from '../../test/render-section.tsx';

afterEach(cleanup);

describe('references section', () => {
  it('lists each reference with framework, citation, title (linked when it has an address) and relevance', async () => {
    const section = sectionOf(retailCreditPdV1, 'regulatory_references', 'references');
    const { section: element } = renderSection(section);
    const items = within(element).getAllByRole('listitem');
    expect(items).toHaveLength(section.references.length);

    section.references.forEach((reference, index) => {
      const item = items[index];
      if (!item) throw new Error('missing item');
      expect(item).toHaveTextContent(reference.framework);
      expect(item).toHaveTextContent(reference.citation);
      expect(item).toHaveTextContent(reference.relevance);
      const title = reference.title ?? reference.url;
      if (reference.url && title) {
        const link = within(item).getByRole('link', { name: title });
        expect(link).toHaveAttribute('href', new URL(reference.url).href);
        expect(link).toHaveAttribute('rel', 'noreferrer noopener');
      } else {
        expect(within(item).queryByRole('link')).not.toBeInTheDocument();
      }
    });
    await expectNoAxeViolations();
  });

  it('does not link an address that is not a web address', () => {
    const section = sectionOf(retailCreditPdV1, 'regulatory_references', 'references');
    const [first] = section.references;
    if (!first) throw new Error('no reference');
    renderSection({ ...section, references: [{ ...first, title: 'Sneaky', url: 'javascript:alert(1)' }] });
    expect(screen.getByText('Sneaky')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
