// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requiredSections } from '#domain/contracts/package-content.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

describe('package page', () => {
  it('shows the chain of steps with who acted, and every version', async () => {
    const { user, router } = await renderApp('/packages/pkg_retail_credit_pd', { signedInAs: 'fair-lending@example.com' });
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

    // The package opens on its document; the versions are on the details tab.
    expect(screen.getByRole('tab', { name: 'Document' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('region', { name: 'Versions' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Details and versions' }));
    expect(router.state.location.search).toBe('?tab=details');
    const versions = within(await screen.findByRole('region', { name: 'Versions' })).getAllByRole('row').slice(1);
    expect(versions.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['2', '1']);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('tab', { name: 'Document' }));
    // The content loads after the page; wait for it so axe sees the finished page.
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    await expectNoAxeViolations();
  }, 30_000);

  it('shows the latest version section by section, after the steps, with a table of contents', async () => {
    await renderApp('/packages/pkg_retail_credit_pd', { signedInAs: 'fair-lending@example.com' });
    const toc = await screen.findByRole('navigation', { name: 'Sections' });
    expect(screen.getByLabelText('Version')).toHaveValue('2');

    // One line: each section a link to its place, in the package's order.
    const links = within(toc).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(requiredSections.map((s) => `#section-${s.key}`));
    for (const { title } of requiredSections) expect(within(toc).getByRole('link', { name: title })).toBeInTheDocument();
    // Then where the section stands for this reader: symbols on screen, words for screen readers.
    await waitFor(() => expect(within(toc).getByRole('link', { name: 'Subgroup fairness' }).closest('li')).toHaveTextContent(', not yet reviewed by you, changed since version 1'));
    expect(within(toc).getByRole('link', { name: 'Training data provenance' }).closest('li')).not.toHaveTextContent('changed since');

    for (const { key, title } of requiredSections) {
      const region = screen.getByRole('region', { name: title });
      expect(region).toHaveAttribute('id', `section-${key}`);
      expect(within(region).getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
    }
    // Reading order: the package at a glance and its chain come before the content.
    const order = ['Review steps', 'Identification', 'Security and implementation controls'].map((name) => screen.getByRole('region', { name }));
    for (let i = 1; i < order.length; i++) {
      const [before, after] = [order[i - 1], order[i]];
      if (!before || !after) throw new Error('missing region');
      expect(before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});
