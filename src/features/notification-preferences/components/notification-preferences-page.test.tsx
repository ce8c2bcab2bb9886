// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

describe('email preferences page', () => {
  it('shows each kind with its mode, saves a change through the API, and says so', async () => {
    const { user, api } = await renderApp('/account/notifications', { signedInAs: 'owner@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Email notifications' })).toBeInTheDocument();
    expect(await screen.findByText(/This server sends no email yet/)).toBeInTheDocument();
    const clarification = screen.getByRole('group', { name: 'A clarification is asked of you' });
    expect(within(clarification).getByRole('radio', { name: 'At once' })).toBeChecked();
    expect(within(screen.getByRole('group', { name: 'A re-review is due' })).getByRole('radio', { name: 'In the daily digest' })).toBeChecked();
    await expectNoAxeViolations();

    await user.click(within(clarification).getByRole('radio', { name: 'No email' }));
    await user.click(screen.getByRole('button', { name: 'Save email preferences' }));
    expect(await screen.findByText('Your email preferences are saved.')).toBeInTheDocument();
    expect(await api.deps.store.listMailModes('usr_owner')).toEqual({ clarification_requested: 'off' });
  });

  it('shows a refusal at the choice it is about, and takes the focus there', async () => {
    const refusal = http.put('*/api/account/notification-preferences', () =>
      HttpResponse.json(
        { type: 'https://model-approval.example/problems/validation', title: 'Invalid request', status: 422, errors: [{ pointer: '/modes/step_active', message: 'Choose at once, daily digest or no email' }] },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const { user } = await renderApp('/account/notifications', { signedInAs: 'model-risk@example.com', overrides: [refusal] });
    const group = await screen.findByRole('group', { name: 'Your step is active' });
    await user.click(screen.getByRole('button', { name: 'Save email preferences' }));
    await waitFor(() => expect(group).toHaveAccessibleDescription('Choose at once, daily digest or no email'));
    expect(within(group).getByRole('radio', { name: 'At once' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});
