// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.ts';
import { setupMockServer } from '../../../test/mock-server.ts';
import { renderApp } from '../../../test/render-app.tsx';

setupMockServer();

describe('package page', () => {
  it('shows the chain of steps with who acted, and every version', async () => {
    await renderApp('/packages/pkg_retail_credit_pd', { signedInAs: 'fair-lending@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Retail Credit PD 4.2.0' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Retail Credit PD 4.2.0 · Model Approval'));

    const steps = within(screen.getByRole('region', { name: 'Review steps' })).getAllByRole('listitem').filter((item) => item.parentElement?.tagName === 'OL');
    expect(steps.map((step) => within(step).getByRole('heading').textContent)).toEqual([
      'Step 1: Data governance',
      'Step 2: Model risk management',
      'Step 3: Fair lending',
      'Step 4: AI governance committee',
    ]);
    expect(steps[2]).toHaveTextContent('Rejected by Dana Whitfield');
    expect(steps[2]).toHaveTextContent('In review');
    expect(steps[3]).toHaveTextContent('Waiting for earlier steps');

    const versions = within(screen.getByRole('region', { name: 'Versions' })).getAllByRole('row').slice(1);
    expect(versions.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['2', '1']);
    await expectNoAxeViolations();
  });
});
