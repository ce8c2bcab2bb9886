// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '#mocks/handlers.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { sessionKeys } from '../features/auth/api/get-session.ts';
import { takeEarly } from '../lib/early-responses.ts';
import { packageKeys } from '../lib/package-keys.ts';
import { packagePath, startEarlyPackageRequests, versionPath } from './early-package-requests.ts';

setupMockServer();

// An early answer is the answer for whoever was signed in when it was asked for (or for no
// one): once someone signs in or out, or replaces a temporary password, in the same tab, it
// answers nobody (docs/decisions/0216).
const opened = (path: string) => startEarlyPackageRequests(new URL(`http://localhost:3000${path}`), new AbortController().signal);
const id = 'pkg_card_fraud_detection';

describe('early answers across a change of session in the same tab', () => {
  it('a page opened signed out reads its version after signing in, not the refusal asked for before', async () => {
    const path = `/packages/${id}?version=1`;
    // As main.tsx does on opening the page: asked for before the router, signed out, so refused.
    const { user, queryClient } = await renderApp(path, { prepare: () => opened(path) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), 'committee@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Card Fraud Detection/ })).toBeInTheDocument();
    // The loader's first read of the version is the one an early refusal would answer.
    await expect.poll(() => queryClient.getQueryCache().find({ queryKey: packageKeys.version(id, 1) })?.state.dataUpdateCount ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(queryClient.getQueryCache().find({ queryKey: packageKeys.version(id, 1) })?.state.errorUpdateCount).toBe(0);
    // A refusal read after signing in would have ended the session in the app (onUnauthenticated).
    expect(queryClient.getQueryData(sessionKeys.current())).not.toBeNull();
    expect(within(screen.getByRole('banner')).getByText('Robert Castellano')).toBeInTheDocument();
  });

  it('an answer asked for as one person is not left for the next one after signing out', async () => {
    const { user } = await renderApp('/', { signedInAs: 'owner@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    // Asked for as the owner, never taken (the page went elsewhere).
    await opened(`/packages/${id}?version=1`);
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: /, account menu/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();

    expect(takeEarly(packagePath(id))).toBeUndefined();
    expect(takeEarly(versionPath(id, 1))).toBeUndefined();
  });

  it('a page opened with a temporary password reads its version once the password is replaced, not the refusal asked for before', async () => {
    const path = `/packages/${id}?version=1`;
    const { user, router, queryClient } = await renderApp(path, {
      signedInAs: 'committee@example.com',
      prepare: async (api) => {
        await api.deps.store.setUserPassword('usr_committee', await api.deps.passwords.hash(demoPassword), true);
        // Refused until the password is replaced: 403, password-change-required.
        await opened(path);
      },
    });
    const form = await screen.findByRole('region', { name: 'Replace your temporary password' });
    await user.type(within(form).getByLabelText('Current password'), demoPassword);
    await user.type(within(form).getByLabelText('New password'), 'quiet harbour lanterns at dawn');
    await user.click(within(form).getByRole('button', { name: 'Replace password' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Card Fraud Detection/ })).toBeInTheDocument();
    await expect.poll(() => queryClient.getQueryCache().find({ queryKey: packageKeys.version(id, 1) })?.state.dataUpdateCount ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(queryClient.getQueryCache().find({ queryKey: packageKeys.version(id, 1) })?.state.errorUpdateCount).toBe(0);
    expect(router.state.location.pathname).toBe(`/packages/${id}`);
  });
});
