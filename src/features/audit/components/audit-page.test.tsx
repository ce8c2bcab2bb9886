// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ApiDeps } from '#api/kernel/context.ts';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import { handleApiRequest } from '#api/index.ts';
import { auditChainLineSchema, auditPageSchema } from '#domain/contracts/audit.ts';
import { demoPassword } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { rowHeight } from './audit-table.tsx';

setupMockServer();

/** The body rows shown, as their entry numbers. */
function shownSeqs(): number[] {
  const table = screen.getByRole('table', { name: /audit/i });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => Number(/#(\d+)/.exec(cell.textContent)?.[1]));
}

describe('the audit log page', () => {
  it('lists every entry for the committee, filters by action through the address, and opens an entry', async () => {
    const { user, router, api } = await renderApp('/audit', { signedInAs: 'committee@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    const size = await api.deps.store.auditLogSize();
    expect(await screen.findByText(`${size} entries, newest first.`)).toBeInTheDocument();
    // Newest first, without holes. The list is virtualized over the window, and jsdom lays
    // nothing out, so which rows are in the window here says nothing: e2e/audit.spec.ts checks
    // in Chromium that the first row is the newest entry.
    await waitFor(() => expect(shownSeqs().length).toBeGreaterThan(0));
    const shown = shownSeqs();
    expect(shown).toEqual(shown.map((_, i) => (shown[0] ?? 0) - i));
    expect(shown[0]).toBeLessThanOrEqual(size);
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', String(size + 1));
    // Entries read in words: an action's label and the actor's printed name, not ids.
    const signed = within(screen.getByRole('table')).getAllByRole('row').find((row) => row.textContent.includes('Decision signed'));
    expect(signed?.textContent).toMatch(/Decision signed/);
    expect(signed?.textContent).not.toMatch(/usr_/);

    await user.selectOptions(screen.getByLabelText('Action'), 'Decision signed');
    expect(router.state.location.search).toBe('?action=decision.signed');
    await screen.findByText(/entries match these filters, newest first\./);
    await waitFor(() => {
      const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toHaveTextContent('Decision signed');
    });

    const button = within(screen.getByRole('table')).getAllByRole('button')[0];
    if (!button) throw new Error('No entry to open');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const details = document.getElementById(button.getAttribute('aria-controls') ?? '');
    if (!details) throw new Error('No details for the opened entry');
    expect(within(details).getByText('Entry hash (recomputed)')).toBeInTheDocument();
    expect(within(details).getByText(/✓ matches/)).toBeInTheDocument();
    expect(within(details).getByText('After')).toBeInTheDocument();
    await expectNoAxeViolations();

    // Back returns to the unfiltered log.
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText(`${size} entries, newest first.`)).toBeInTheDocument();

    // The actor is chosen by name; the id goes only into the address.
    const actor = screen.getByLabelText('Actor');
    await waitFor(() => expect(within(actor).getByRole('option', { name: 'Robert Castellano' })).toBeInTheDocument());
    expect(within(actor).queryAllByRole('option').filter((option) => option.textContent.startsWith('usr_'))).toEqual([]);
    await user.selectOptions(actor, 'Robert Castellano');
    expect(router.state.location.search).toBe('?actor=usr_committee');
  });

  it('says when no entry matches, with a way back to all of them', async () => {
    const { user } = await renderApp('/audit?action=passkey.removed', { signedInAs: 'admin@example.com' });
    expect(await screen.findByText('No entries match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Clear the filters' }));
    expect(await screen.findByText(/^\d+ entries, newest first\.$/)).toBeInTheDocument();
  });

  it('runs the integrity check and shows the browser’s and the server’s verdicts side by side', async () => {
    const { user, api } = await renderApp('/audit', { signedInAs: 'committee@example.com' });
    await screen.findByText(/entries, newest first\./);
    await user.click(screen.getByRole('button', { name: 'Check integrity' }));
    const size = await api.deps.store.auditLogSize();
    const browser = await screen.findByText(new RegExp(`^Intact: ${size} entries, root [0-9a-f]{12}…, tree head signed by key .+ at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.$`));
    expect(browser).toBeInTheDocument();
    expect(await screen.findByText(new RegExp(`^Intact: ${size} entries, root [0-9a-f]{12}…, \\d+ published tree heads? checked`))).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('offers the whole log as a file, which a plain navigation with the session downloads as NDJSON', async () => {
    const { api } = await renderApp('/audit', { signedInAs: 'committee@example.com' });
    const link = await screen.findByRole('link', { name: 'Download the log (NDJSON)' });
    expect(link).toHaveAttribute('download', 'audit-log.ndjson');
    const login = await handleApiRequest(new Request('http://mock.local/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'committee@example.com', password: demoPassword }) }), api.deps);
    const cookie = `${sessionCookieName}=${readCookie(login.headers.get('set-cookie'), sessionCookieName) ?? ''}`;
    // What a browser sends when the link is followed: a navigation's Accept, the session cookie.
    const answer = await handleApiRequest(new Request(new URL(link.getAttribute('href') ?? '', 'http://mock.local'), { headers: { cookie, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } }), api.deps);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await answer.text()).trimEnd().split('\n').map((line) => auditChainLineSchema.parse(JSON.parse(line)));
    expect(lines.map((line) => line.seq)).toEqual(Array.from({ length: await api.deps.store.auditLogSize() }, (_, i) => i + 1));
  });

  it('names the broken entry when the server answers with a changed one, marks its row, and links to it', async () => {
    // A database changed behind the server's back: entry #2 now says something else than what was hashed.
    let deps: ((value: ApiDeps) => void) | undefined;
    const depsReady = new Promise<ApiDeps>((resolve) => (deps = resolve));
    const realAnswer = async (request: Request) => {
      const api = await depsReady;
      const login = await handleApiRequest(new Request('http://mock.local/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'committee@example.com', password: demoPassword }) }), api);
      const cookie = `${sessionCookieName}=${readCookie(login.headers.get('set-cookie'), sessionCookieName) ?? ''}`;
      return handleApiRequest(new Request(request.url, { headers: { cookie } }), api);
    };
    // What the view lists and what the integrity check reads (the chain stream) both say so.
    const tampered = http.get('*/api/audit', async ({ request }) => {
      const page = auditPageSchema.parse(await (await realAnswer(request)).json());
      return HttpResponse.json({ ...page, items: page.items.map((entry) => (entry.seq === 2 ? { ...entry, subject: 'forged' } : entry)) });
    });
    const tamperedChain = http.get('*/api/audit/chain', async ({ request }) => {
      const lines = (await (await realAnswer(request)).text()).trimEnd().split('\n').map((line) => auditChainLineSchema.parse(JSON.parse(line)));
      const forged = lines.map((line) => (line.seq === 2 ? { ...line, subject: 'forged' } : line));
      return new HttpResponse(forged.map((line) => `${JSON.stringify(line)}\n`).join(''), { headers: { 'content-type': 'application/x-ndjson' } });
    });
    const { user, api, router } = await renderApp('/audit', { signedInAs: 'committee@example.com', overrides: [tampered, tamperedChain] });
    deps?.(api.deps);

    // Entry #2 is near the end of the log, below jsdom's viewport: the reader scrolls down to it.
    const status = await screen.findByText(/^[\d,]+ entries, newest first\.$/);
    const size = Number(status.textContent.replace(/\D/g, ''));
    scrollPageTo((size - 2) * rowHeight);
    const row = (await screen.findByRole('button', { name: 'Entry #2' })).closest('tbody');
    if (!row) throw new Error('No row for entry #2');
    expect(within(row).getByText('✕ Mismatch')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Check integrity' }));
    expect(await screen.findByText(/^Broken at entry #2: Entry #2 does not match its recorded hash/)).toBeInTheDocument();
    const link = screen.getAllByRole('link', { name: 'Show entry #2' })[0];
    if (!link) throw new Error('No link to entry #2');
    expect(link).toHaveAttribute('href', '/audit?entry=2');
    await user.click(link);
    expect(router.state.location.search).toBe('?entry=2');
    const opened = screen.getByRole('button', { name: 'Entry #2' });
    await waitFor(() => expect(opened).toHaveFocus());
    expect(opened).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/✕ does not match: this entry was changed after it was written/)).toBeInTheDocument();
  });

  it('shows a failed load with a way to try again', async () => {
    let fail = true;
    const { user } = await renderApp('/audit', {
      signedInAs: 'committee@example.com',
      overrides: [http.get('*/api/audit', () => (fail ? HttpResponse.json({ type: 'about:blank', title: 'Unavailable', status: 503, detail: 'The database is restarting.' }, { status: 503 }) : undefined))],
    });
    const alert = (await screen.findByText('The audit log could not be loaded.')).closest('[role="alert"]');
    if (!(alert instanceof HTMLElement)) throw new Error('The failure is not announced');
    expect(alert).toHaveTextContent('The database is restarting.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/entries, newest first\./)).toBeInTheDocument();
  });

  it('tells a reviewer the whole log is not theirs to see', async () => {
    await renderApp('/audit', { signedInAs: 'fair-lending@example.com' });
    expect(await screen.findByText(/Only the governance committee and administrators can see the whole audit log/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check integrity' })).not.toBeInTheDocument();
  });
});

describe('the audit trail of a package', () => {
  it('shows a reviewer the entries about the package, each hash recomputed, without the whole-log check', async () => {
    await renderApp('/packages/pkg_retail_credit_pd/audit', { signedInAs: 'fair-lending@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit trail: Retail Credit PD 4.2.0' })).toBeInTheDocument();
    await screen.findByText(/entries, newest first\./);
    await waitFor(() => expect(shownSeqs().length).toBeGreaterThan(0));
    const table = screen.getByRole('table');
    // Its subject by name, not by id.
    for (const row of within(table).getAllByRole('row').slice(1)) expect(row).toHaveTextContent('Retail Credit PD 4.2.0');
    expect(within(table).queryByText('pkg_retail_credit_pd')).not.toBeInTheDocument();
    expect(within(table).queryByText('✕ Mismatch')).not.toBeInTheDocument();
    expect(within(table).getAllByText('Hash matches').length).toBe(shownSeqs().length);
    expect(screen.queryByRole('button', { name: 'Check integrity' })).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });
});

/** jsdom lays nothing out and does not scroll: the page's scroll position is set as a scroll would leave it. */
function scrollPageTo(top: number) {
  const before = Object.getOwnPropertyDescriptor(window, 'scrollY');
  onTestFinished(() => {
    if (before) Object.defineProperty(window, 'scrollY', before);
    else Reflect.deleteProperty(window, 'scrollY');
  });
  Object.defineProperty(window, 'scrollY', { value: top, configurable: true });
  window.dispatchEvent(new Event('scroll'));
}
