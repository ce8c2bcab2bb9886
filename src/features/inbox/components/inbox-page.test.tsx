// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '#src/app/app.tsx';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

function problem(status: number, detail: string): Response {
  return HttpResponse.json({ type: 'about:blank', title: 'Failed', status, detail }, { status, headers: { 'content-type': 'application/problem+json' } });
}

/** The table's body rows as [model, status] pairs, in the order shown. */
async function shownPackages(): Promise<[string, string][]> {
  const table = await screen.findByRole('table', { name: /Packages/ });
  const rows = within(table).getAllByRole('row').slice(1);
  return rows.map((row) => {
    const cells = within(row).getAllByRole('cell');
    return [within(row).getByRole('rowheader').textContent, cells[2]?.textContent ?? ''];
  });
}

describe('inbox', () => {
  it('lists every package a reviewer can see under "All", with its status, overdue first', async () => {
    await renderApp('/?tab=all', { signedInAs: 'model-risk@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Inbox · Model Approval'));

    const shown = await shownPackages();
    expect(shown).toHaveLength(4);
    expect(Object.fromEntries(shown)).toEqual({
      'Retail Credit PD': 'In review',
      'Clinical Deterioration Risk (adult inpatient early warning)': 'In review',
      'Card Fraud Detection (real-time authorization score)': 'Approved with conditions',
      'Support Assistant (retrieval-augmented LLM)': 'Clarification requested',
    });
    // The overdue step is flagged in words, and its package comes first.
    const first = within(screen.getByRole('table')).getAllByRole('row')[1];
    if (!first) throw new Error('no first row');
    expect(within(first).getByText(/^Overdue by \d+ (day|days|hour|hours)$/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('4 packages');
    // Each row opens its package.
    expect(screen.getByRole('link', { name: 'Retail Credit PD' })).toHaveAttribute('href', '/packages/pkg_retail_credit_pd');
    await expectNoAxeViolations();
  });

  it('filters by risk tier and status through the URL, and resets from the empty state', async () => {
    const { user, router } = await renderApp('/?tab=all', { signedInAs: 'model-risk@example.com' });
    expect(await shownPackages()).toHaveLength(4);

    await user.selectOptions(screen.getByLabelText('Risk tier'), 'Tier 1');
    expect(router.state.location.search).toBe('?tab=all&riskTier=1');
    await expect.poll(async () => (await shownPackages()).map(([model]) => model).sort()).toEqual([
      'Clinical Deterioration Risk (adult inpatient early warning)',
      'Retail Credit PD',
    ]);

    await user.selectOptions(screen.getByLabelText('Status'), 'Clarification requested');
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('clarification_requested');
    expect(await screen.findByText('No packages match these filters')).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.click(screen.getByRole('link', { name: 'Clear the filters' }));
    expect(router.state.location.search).toBe('?tab=all');
    await expect.poll(async () => (await shownPackages()).length).toBe(4);
    expect(screen.getByLabelText('Status')).toHaveValue('');
  });

  it('opens with the filters of a deep link', async () => {
    await renderApp('/?tab=all&status=clarification_requested', { signedInAs: 'committee@example.com' });
    await expect.poll(async () => await shownPackages()).toEqual([['Support Assistant (retrieval-augmented LLM)', 'Clarification requested']]);
    expect(screen.getByLabelText('Status')).toHaveValue('clarification_requested');
  });

  it('shows an empty state when nothing matches', async () => {
    await renderApp('/?status=approved', { signedInAs: 'model-risk@example.com' });
    expect(await screen.findByText('No packages match these filters')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear the filters' })).toHaveAttribute('href', '/');
  });

  it('shows a loading state, then offers a retry when the list cannot be loaded', async () => {
    // The list shown fails once (not a tab's count, which asks for one row, nor the model choices, which name no tab).
    let failed = false;
    const failOnce = http.get('*/api/packages', ({ request }) => {
      const url = new URL(request.url);
      if (failed || url.searchParams.get('tab') !== 'all' || url.searchParams.has('limit')) return undefined;
      failed = true;
      return problem(500, 'Something broke.');
    });
    const { user } = await renderApp('/?tab=all', { signedInAs: 'model-risk@example.com', overrides: [failOnce] });
    expect(await screen.findByText('Loading packages…')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Packages' })).toHaveAttribute('aria-busy', 'true');

    const alert = (await screen.findByText('The packages could not be loaded.')).closest('[role="alert"]');
    if (!(alert instanceof HTMLElement)) throw new Error('The failure is not in an alert');
    expect(alert).toHaveTextContent('Something broke.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await shownPackages()).toHaveLength(4);
  });

  it('sends the reader to sign in again when the session has ended', async () => {
    const expired = http.get('*/api/packages', () => problem(401, 'Sign in to continue.'), { once: true });
    const { router } = await renderApp('/?riskTier=2', { signedInAs: 'model-risk@example.com', overrides: [expired] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/?riskTier=2')}`);
  });

  it('opens a reviewer on "Awaiting my decision", counted in the tab and the navigation', async () => {
    await renderApp('/', { signedInAs: 'fair-lending@example.com' });
    expect(await shownPackages()).toEqual([['Retail Credit PD', 'In review']]);
    const tabs = screen.getByRole('navigation', { name: 'Inbox views' });
    expect(within(tabs).getByRole('link', { name: 'Awaiting my decision (1)' })).toHaveAttribute('aria-current', 'page');
    expect(within(tabs).queryByRole('link', { name: /Clarifications for me/ })).not.toBeInTheDocument();
    const main = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(main).findByRole('link', { name: 'Inbox, 1 awaiting your decision' })).toHaveTextContent(/^Inbox \(1\)/);
    expect(screen.getByText(/^waiting \d+ (minute|minutes|hour|hours|day|days)$/)).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('counts a step delegated to me as awaiting my decision, and the package says it is my turn', async () => {
    const now = Date.now();
    const { user } = await renderApp('/', {
      signedInAs: 'privacy@example.com',
      // Dana delegates fair lending to Samuel for her leave: the retail package's step is now his to decide.
      prepare: (api) =>
        api.deps.store.insertDelegation({ id: 'dlg_leave', role: 'fair_lending', delegatorId: 'usr_fair_lending', delegateId: 'usr_privacy', startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 7 * 86_400_000).toISOString(), reason: 'Annual leave', createdBy: 'usr_fair_lending', createdAt: new Date(now - 3_600_000).toISOString() }),
    });
    await expect.poll(async () => (await shownPackages()).map(([model]) => model)).toContain('Retail Credit PD');
    const tabs = screen.getByRole('navigation', { name: 'Inbox views' });
    expect(within(tabs).getByRole('link', { name: /^Awaiting my decision \([1-9]\d*\)$/ })).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByRole('link', { name: 'Retail Credit PD' }));
    expect(await screen.findByText(/^Your turn:/)).toBeInTheDocument();
    expect(screen.queryByText(/No step of this package’s workflow is for your role/)).not.toBeInTheDocument();
  });

  it('puts a package in clarification under "Waiting on others", not under my decision', async () => {
    const { user } = await renderApp('/', { signedInAs: 'model-risk@example.com' });
    expect(await shownPackages()).toEqual([['Clinical Deterioration Risk (adult inpatient early warning)', 'In review']]);

    await user.click(screen.getByRole('link', { name: /^Waiting on others/ }));
    await expect.poll(async () => (await shownPackages()).map(([model]) => model)).toContain('Support Assistant (retrieval-augmented LLM)');
    expect(screen.getByRole('link', { name: /^Waiting on others/ })).toHaveAttribute('aria-current', 'page');
  });

  it('opens an owner on "Clarifications for me"', async () => {
    await renderApp('/', { signedInAs: 'owner@example.com' });
    expect(await shownPackages()).toEqual([['Support Assistant (retrieval-augmented LLM)', 'Clarification requested']]);
    expect(screen.getByRole('link', { name: 'Clarifications for me (1)' })).toHaveAttribute('aria-current', 'page');
    const main = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(main).findByRole('link', { name: 'Inbox, 1 clarification for you' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('keeps the tab in the address, through a re-render and with the filters', async () => {
    const { user, router, queryClient, rerender } = await renderApp('/?tab=done', { signedInAs: 'model-risk@example.com' });
    expect(await shownPackages()).toEqual([['Card Fraud Detection (real-time authorization score)', 'Approved with conditions']]);
    rerender(<App router={router} queryClient={queryClient} />);
    expect(await shownPackages()).toEqual([['Card Fraud Detection (real-time authorization score)', 'Approved with conditions']]);
    expect(screen.getByRole('link', { name: 'Done (1)' })).toHaveAttribute('aria-current', 'page');

    await user.selectOptions(screen.getByLabelText('Model'), 'Retail Credit PD');
    expect(new URLSearchParams(router.state.location.search).get('tab')).toBe('done');
    expect(await screen.findByText('No packages match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /^All/ }));
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('tab')).toBe('all');
    expect(search.get('model')).toBeTruthy();
    expect(await shownPackages()).toEqual([['Retail Credit PD', 'In review']]);
    await expectNoAxeViolations();
  });

  it('loads the list a page at a time: "Load more packages" asks for the next page, by keyboard too', async () => {
    // The server's pages, two packages each instead of 50: the request goes on to the mock API with a limit.
    const twoPerPage = http.get('*/api/packages', async ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.has('limit')) return undefined;
      url.searchParams.set('limit', '2');
      const reply = await fetch(new Request(url, { headers: request.headers }));
      return new HttpResponse(await reply.text(), { status: reply.status, headers: reply.headers });
    });
    const { user } = await renderApp('/?tab=all', { signedInAs: 'model-risk@example.com', overrides: [twoPerPage] });
    await expect.poll(async () => (await shownPackages()).length).toBe(2);
    expect(screen.getByRole('status')).toHaveTextContent('2 of 4 packages shown');
    // Each tab's count is the server's over the whole list, not the page loaded (decision record 0140).
    expect(screen.getByRole('link', { name: 'All (4)' })).toBeInTheDocument();
    const more = screen.getByRole('button', { name: 'Load more packages' });
    await expectNoAxeViolations();

    more.focus();
    await user.keyboard('{Enter}');
    await expect.poll(async () => (await shownPackages()).length).toBe(4);
    expect(screen.getByRole('status')).toHaveTextContent(/^4 packages$/);
    expect(screen.queryByRole('button', { name: 'Load more packages' })).not.toBeInTheDocument();
    expect(Object.fromEntries(await shownPackages())).toMatchObject({ 'Retail Credit PD': 'In review', 'Support Assistant (retrieval-augmented LLM)': 'Clarification requested' });
  });

  it('says so when a tab is empty', async () => {
    await renderApp('/', { signedInAs: 'data-governance@example.com' });
    expect(await screen.findByText('Nothing awaits your decision.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Awaiting my decision (0)' })).toHaveAttribute('aria-current', 'page');
  });
});
