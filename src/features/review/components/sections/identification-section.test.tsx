// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { retailCreditPdV1 } from '#demo/index.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { renderSection, sectionOf } from '../../test/render-section.tsx';

afterEach(cleanup);

function definition(term: string): HTMLElement | null {
  return screen.getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement | null;
}

describe('identification section', () => {
  it('lists the model, owner, risk tier and business line, then the change summary as Markdown', async () => {
    const section = sectionOf(retailCreditPdV1, 'identification', 'identification');
    const { section: element } = renderSection(section);
    expect(element).toHaveAttribute('id', 'section-identification');
    expect(screen.getByRole('region', { name: 'Identification' })).toBe(element);

    expect(definition('Model')).toHaveTextContent('Retail Credit PD (retail-credit-pd)');
    expect(definition('Version')).toHaveTextContent('4.2.0');
    expect(definition('Owner')).toHaveTextContent('Consumer Credit Risk Analytics');
    expect(screen.getByRole('link', { name: 'owner@example.com' })).toHaveAttribute('href', 'mailto:owner@example.com');
    expect(definition('Risk tier')).toHaveTextContent('Tier 1');
    expect(definition('Business line')).toHaveTextContent('Consumer lending');

    // "## Changes from 4.1.3" sits under the h3 "Change summary", so it becomes an h4.
    expect(screen.getByRole('heading', { level: 3, name: 'Change summary' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Changes from 4.1.3 (in production since September 2022)' })).toBeInTheDocument();
    expect(screen.getByText('Algorithm', { selector: 'strong' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('says when there is no change summary', () => {
    renderSection({ ...sectionOf(retailCreditPdV1, 'identification', 'identification'), changeSummary: '  ' });
    expect(screen.getByText('The package gives no change summary.')).toBeInTheDocument();
  });
});
