// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

function problem(status: number, detail: string): Response {
  return HttpResponse.json({ type: 'about:blank', title: 'Failed', status, detail }, { status, headers: { 'content-type': 'application/problem+json' } });
}

async function subgroupRow(group: string): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name: 'Subgroup fairness' });
  const row = within(region).getByRole('rowheader', { name: group }).closest('tr');
  if (!row) throw new Error(`No row for ${group}`);
  return row;
}

describe('package content', () => {
  it('opens the version of a deep link, and the version selector updates the address', async () => {
    const { user, router } = await renderApp('/packages/pkg_retail_credit_pd?version=1', { signedInAs: 'fair-lending@example.com' });
    expect(await subgroupRow('62 and over')).toHaveTextContent('Below threshold');
    expect(screen.getByLabelText('Version')).toHaveValue('1');
    expect(screen.getByText(/This is an earlier version/)).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.selectOptions(screen.getByLabelText('Version'), 'Version 2 (latest)');
    expect(router.state.location.search).toBe('?version=2');
    await expect.poll(async () => (await subgroupRow('62 and over')).textContent).toContain('Meets all thresholds');
    expect(screen.queryByText(/This is an earlier version/)).not.toBeInTheDocument();
    // Changing the version keeps focus on the selector, not the page heading.
    expect(screen.getByLabelText('Version')).toHaveFocus();
  });

  it('falls back to the latest version for a version that does not exist', async () => {
    await renderApp('/packages/pkg_retail_credit_pd?version=7', { signedInAs: 'fair-lending@example.com' });
    expect(await screen.findByText('This package has no version “7”. Showing the latest, version 2.')).toBeInTheDocument();
    expect(await subgroupRow('62 and over')).toHaveTextContent('Meets all thresholds');
    expect(screen.getByLabelText('Version')).toHaveValue('2');
  });

  it('shows a loading state, then offers a retry when the version cannot be loaded', async () => {
    // Failing until the store "comes back": the route's prefetch, the page and the signature
    // check all ask for the version.
    let failing = true;
    const failWhileDown = http.get('*/api/packages/:id/versions/:n', () => (failing ? problem(500, 'The version store is unavailable.') : undefined));
    const { user } = await renderApp('/packages/pkg_card_fraud_detection', { signedInAs: 'fair-lending@example.com', overrides: [failWhileDown] });
    expect(await screen.findByText('Loading version 1…')).toBeInTheDocument();

    const alert = (await screen.findByText('Version 1 could not be loaded.')).closest('[role="alert"]');
    if (!(alert instanceof HTMLElement)) throw new Error('The failure is not in an alert');
    expect(alert).toHaveTextContent('The version store is unavailable.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    const evaluation = await screen.findByRole('region', { name: 'Evaluation against policy thresholds' });
    const failingRow = within(evaluation).getByRole('rowheader', { name: /^CP: value detection rate at production thresholds/ }).closest('tr');
    if (!failingRow) throw new Error('No failing row');
    expect(within(failingRow).getByText('Fail')).toBeInTheDocument();
    expect(screen.queryByText('Version 1 could not be loaded.')).not.toBeInTheDocument();
  });
});
