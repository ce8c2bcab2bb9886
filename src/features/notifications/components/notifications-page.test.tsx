// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import { demoPassword, type MockApi } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

/** A reviewer asks the owner for clarification `count` times: each request is a notification for the owner. */
async function manyClarificationRequests(api: MockApi, count: number): Promise<void> {
  const send = (path: string, init: RequestInit = {}) => handleApiRequest(new Request(`http://mock.local${path}`, init), api.deps);
  const login = await send('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'model-risk@example.com', password: demoPassword }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { 'content-type': 'application/json', cookie };
  const list = (await (await send('/api/packages', { headers })).json()) as { items: { id: string; modelKey: string }[] };
  const retail = list.items.find((p) => p.modelKey === 'retail-credit-pd');
  if (!retail) throw new Error('the demo has the retail credit package');
  for (let i = 1; i <= count; i++) {
    const body = JSON.stringify({ versionNumber: 2, sectionKey: 'evaluation', kind: 'clarification', body: `Question ${i}: how was the holdout drawn?` });
    const opened = await send(`/api/packages/${retail.id}/threads`, { method: 'POST', headers, body });
    if (opened.status !== 201) throw new Error(`opening a clarification request answered ${opened.status}: ${await opened.text()}`);
  }
}

describe('notifications page', () => {
  it('marks nothing read on opening when unread notifications lie beyond the 50 listed, and says so', async () => {
    const { user } = await renderApp('/notifications', { signedInAs: 'owner@example.com', prepare: (api) => manyClarificationRequests(api, 51) });
    const notice = await screen.findByText(/older than these 50 are not listed, so nothing was marked read/);
    expect(notice).toHaveTextContent(/^\d+ unread: \d+ older than these 50/);
    // Give an automatic mark-read the time it would take: it must not happen.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const markAll = screen.getByRole('button', { name: /^Mark all \d+ read$/ });
    await expectNoAxeViolations();

    await user.click(markAll);
    await waitFor(() => expect(screen.queryByText(/so nothing was marked read/)).not.toBeInTheDocument());
    expect(screen.getByText(/new since your last visit, now marked read/)).toBeInTheDocument();
  });
});
