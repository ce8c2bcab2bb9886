// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sectionKindLabels } from '#domain/contracts/sections.ts';
import { cardFraudV1, clinicalRiskV1, retailCreditPdV2, supportAssistantV1 } from '#demo/index.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection } from '../../test/render-section.tsx';

afterEach(cleanup);

const sections = [retailCreditPdV2, clinicalRiskV1, cardFraudV1, supportAssistantV1].flatMap((content) => content.sections);

describe('section view', () => {
  it.each(sections.map((section, index) => ({ section, name: `${index}: ${section.key} (${section.kind})` })))(
    'renders $name as its own titled region and passes axe',
    async ({ section }) => {
      const { section: element } = renderSection(section);
      expect(element).toHaveAttribute('id', `section-${section.key}`);
      expect(screen.getByRole('region', { name: section.title })).toBe(element);
      expect(screen.getByRole('heading', { level: 2, name: section.title })).toBeInTheDocument();
      expect(element).toHaveTextContent(sectionKindLabels[section.kind]);
      await expectNoAxeViolations();
    },
  );
});
