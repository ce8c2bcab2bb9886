// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { expectNoAxeViolations } from '../test/axe.ts';
import { setupMockServer } from '../test/mock-server.ts';
import { renderApp } from '../test/render-app.tsx';

setupMockServer();

// While the database is down the API answers 503 (see server/db/unavailable-error.ts). A
// person who typed something must be told it is temporary and must not lose what they typed.

const assistant = 'pkg_support_assistant_llm';

describe('a 503 while writing', () => {
  it('says the service is temporarily unavailable, keeps the typed answer, and sends it once the API is back', async () => {
    let down = true;
    const whileDown = http.post('*/api/packages/:id/threads/:threadId/messages', () =>
      down
        ? HttpResponse.json(
            { type: problemTypes.unavailable, title: 'Service unavailable', status: 503, detail: 'The database is unavailable; try again shortly.' },
            { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '5' } },
          )
        : undefined,
    );
    const { user, api } = await renderApp(`/packages/${assistant}`, { signedInAs: 'owner@example.com', overrides: [whileDown] });
    const thread = await within(await screen.findByRole('region', { name: 'Evaluation against policy thresholds' })).findByRole('article', { name: /^Clarification request/ });
    const threadIds = (await api.deps.store.listThreads([assistant])).map((t) => t.id);
    const messagesBefore = (await api.deps.store.listMessages(threadIds)).length;

    await user.click(within(thread).getByRole('button', { name: 'Reply…' }));
    const answer = within(thread).getByRole('textbox', { name: 'Your answer' });
    await user.type(answer, 'Two annotators per locale, blind to the version.');
    await user.click(within(thread).getByRole('button', { name: 'Send answer' }));
    expect(await within(thread).findByRole('alert')).toHaveTextContent('Service temporarily unavailable; your input is kept. The database is unavailable; try again shortly.');
    expect(answer).toHaveValue('Two annotators per locale, blind to the version.');
    expect(thread).toHaveTextContent('● Open');
    expect(await api.deps.store.listMessages(threadIds)).toHaveLength(messagesBefore);
    await expectNoAxeViolations();

    down = false;
    await user.click(within(thread).getByRole('button', { name: 'Send answer' }));
    await waitFor(() => expect(thread).toHaveTextContent('↩ Answered'));
    // Sent: the answer box closes, "Reply…" takes its place.
    expect(answer).not.toBeInTheDocument();
    expect(within(thread).getByRole('button', { name: 'Reply…' })).toBeInTheDocument();
    expect(await api.deps.store.listMessages(threadIds)).toHaveLength(messagesBefore + 1);
  });
});
