// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { MockApi } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { setupKeys } from '../api/get-setup-status.ts';

setupMockServer();

const secret = 'printed-at-the-first-start';

/** A production start's empty database: no account, and the hash of the secret it printed. */
async function productionStart(api: MockApi): Promise<void> {
  await api.deps.store.putSetupSecret(await sha256Hex(secret), new Date().toISOString());
}

describe('setup page', () => {
  it('is linked from the login page while no account exists, and creates the first administrator, signed in', async () => {
    const { user, router, api } = await renderApp('/login', { seed: false, prepare: productionStart });
    await user.click(await screen.findByRole('link', { name: 'create the first administrator' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Model Approval' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Set up · Model Approval'));
    expect(router.state.location.pathname).toBe('/setup');
    await expectNoAxeViolations();

    await user.type(screen.getByLabelText('Setup secret'), 'a-guess');
    await user.type(screen.getByLabelText('Email'), 'jamie.ortiz@example.com');
    await user.type(screen.getByLabelText('Name'), 'Jamie Ortiz');
    await user.type(screen.getByLabelText('Title (optional)'), 'Head of Platform');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create administrator and sign in' }));
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAccessibleDescription(/Use at least 15 characters/));
    expect(password).toHaveFocus();

    await user.clear(password);
    await user.type(password, 'granite meadow violin sunrise');
    await user.click(screen.getByRole('button', { name: 'Create administrator and sign in' }));
    const secretField = screen.getByLabelText('Setup secret');
    await waitFor(() => expect(secretField).toHaveAccessibleDescription(/This is not the setup secret printed at the first start/));
    await waitFor(() => expect(secretField).toHaveFocus());
    expect(password).not.toHaveAttribute('aria-invalid');
    await expectNoAxeViolations();

    await user.clear(secretField);
    await user.type(secretField, secret);
    await user.click(screen.getByRole('button', { name: 'Create administrator and sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Jamie Ortiz')).toBeInTheDocument();
    expect(within(banner).getByText('Administrator')).toBeInTheDocument();
    expect(await api.deps.store.findSetupSecret()).toBeNull();
  });

  it('is not offered by the login page of an installation with accounts', async () => {
    const { queryClient } = await renderApp('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(queryClient.getQueryData(setupKeys.status)).toBe(false));
    expect(screen.queryByText('This installation has no account yet.')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'create the first administrator' })).not.toBeInTheDocument();
  });

  it('says setup is done on an installation with accounts, and leads to the login page', async () => {
    const { user, router } = await renderApp('/setup');
    const done = await screen.findByText(/This installation is set up already\./);
    await user.click(within(done).getByRole('link', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });
});
