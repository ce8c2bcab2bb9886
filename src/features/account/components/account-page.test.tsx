// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import { demoPassword, type MockApi } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const newPassword = 'quiet harbour lanterns at dawn';

/** Another browser signed in to the same account: a session the page lists but does not hold. */
async function signInElsewhere(api: MockApi, email: string): Promise<void> {
  const body = JSON.stringify({ email, password: demoPassword });
  const response = await handleApiRequest(new Request('http://mock.local/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body }), api.deps);
  if (response.status !== 200) throw new Error(`Signing in elsewhere failed with ${response.status}`);
}

describe('account page', () => {
  it('lists the sessions, marks this browser and ends another one', async () => {
    const { user } = await renderApp('/account', { signedInAs: 'privacy@example.com', prepare: (api) => signInElsewhere(api, 'privacy@example.com') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeInTheDocument();
    expect(screen.getByText(/Signed in as/)).toHaveTextContent('Signed in as Samuel Okafor, Chief Privacy Officer (privacy@example.com).');
    const sessions = screen.getByRole('region', { name: 'Your sessions' });
    const items = await within(sessions).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    // One is this browser's, which cannot be ended here (signing out does that); the other can.
    const current = within(sessions).getByText('This browser').closest('li');
    expect(current).not.toBeNull();
    expect(current?.querySelector('button')).toBeNull();
    await expectNoAxeViolations();

    await user.click(within(sessions).getByRole('button', { name: /^End session signed in / }));
    await waitFor(() => expect(within(sessions).getAllByRole('listitem')).toHaveLength(1));
    expect(within(sessions).getByRole('listitem')).toHaveTextContent('This browser');
  });

  it('changes the password after checking it, shows each problem at its field, and ends the other sessions', async () => {
    const { user, api } = await renderApp('/account', { signedInAs: 'security@example.com', prepare: (mock) => signInElsewhere(mock, 'security@example.com') });
    const form = await screen.findByRole('region', { name: 'Change your password' });
    const current = within(form).getByLabelText('Current password');
    const next = within(form).getByLabelText('New password');
    expect(next).toHaveAccessibleDescription(/At least 15 characters; any characters, spaces too, and no rules about digits or symbols\..*Common passwords.*are refused/);

    // The policy, in its own words, before a round trip.
    await user.type(current, demoPassword);
    await user.type(next, 'too-short');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(next).toHaveAttribute('aria-invalid', 'true'));
    expect(next).toHaveAccessibleDescription(/Use at least 15 characters/);
    expect(next).toHaveFocus();

    // The server's refusal of the current password, at its field.
    await user.clear(current);
    await user.type(current, 'not-my-password');
    await user.clear(next);
    await user.type(next, newPassword);
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('The current password is not correct'));
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(next).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(current).toHaveFocus());
    await expectNoAxeViolations();

    await user.clear(current);
    await user.type(current, demoPassword);
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Your password is changed, and your other sessions have ended.'));
    expect(current).toHaveValue('');
    const sessions = screen.getByRole('region', { name: 'Your sessions' });
    await waitFor(() => expect(within(sessions).getAllByRole('listitem')).toHaveLength(1));
    expect(within(sessions).getByRole('listitem')).toHaveTextContent('This browser');
    // The stored password is the new one.
    const stored = await api.deps.store.findUserByEmail('security@example.com');
    expect(await api.deps.passwords.verify(newPassword, stored?.passwordHash ?? '')).toBe(true);
  });

  it('is where a temporary password leads, from any page, and goes back there once it is replaced', async () => {
    const { user, router } = await renderApp('/notifications', {
      signedInAs: 'privacy@example.com',
      prepare: async (api) => api.deps.store.setUserPassword('usr_privacy', await api.deps.passwords.hash(demoPassword), true),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/notifications');
    expect(screen.getByText('Replace your temporary password to continue')).toBeInTheDocument();
    // The API refuses the session list until then: it is not asked for.
    expect(screen.queryByRole('region', { name: 'Your sessions' })).not.toBeInTheDocument();
    const form = screen.getByRole('region', { name: 'Replace your temporary password' });
    await expectNoAxeViolations();

    await user.type(within(form).getByLabelText('Current password'), demoPassword);
    await user.type(within(form).getByLabelText('New password'), newPassword);
    await user.click(within(form).getByRole('button', { name: 'Replace password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/notifications');
  });

  it('comes back to the inbox, which needs no next address, after a temporary password', async () => {
    const { router } = await renderApp('/', {
      signedInAs: 'model-risk@example.com',
      prepare: async (api) => api.deps.store.setUserPassword('usr_model_risk', await api.deps.passwords.hash(demoPassword), true),
    });
    expect(await screen.findByText('Replace your temporary password to continue')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(router.state.location.search).toBe('?password=temporary');
  });
});
