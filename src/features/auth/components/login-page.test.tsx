// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

describe('login page', () => {
  it('signs in and opens the inbox', async () => {
    const { user, router } = await renderApp('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Sign in · Model Approval'));
    await expectNoAxeViolations();

    await user.type(screen.getByLabelText('Email'), 'model-risk@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    expect(router.state.location.pathname).toBe('/');
    // Focus moves to the new page's heading, as a page load would reset it.
    await waitFor(() => expect(heading).toHaveFocus());
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Elena Vasquez')).toBeInTheDocument();
    expect(within(banner).getByText('Model risk management')).toBeInTheDocument();
  });

  it('says so when the email or password is wrong', async () => {
    const { user, router } = await renderApp('/login');
    await user.type(await screen.findByLabelText('Email'), 'model-risk@example.com');
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('The email or password is not correct.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The email or password is not correct.');
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expectNoAxeViolations();
  });

  it('after five failed attempts says the account is locked and until when, even for the right password', async () => {
    const { user, router } = await renderApp('/login');
    const email = await screen.findByLabelText('Email');
    const password = screen.getByLabelText('Password');
    const submit = screen.getByRole('button', { name: 'Sign in' });
    await user.type(email, 'privacy@example.com');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await user.clear(password);
      await user.type(password, `wrong-${attempt}`);
      await user.click(submit);
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The email or password is not correct.'));
      await waitFor(() => expect(submit).toBeEnabled());
    }
    await user.clear(password);
    await user.type(password, 'demo-password');
    await user.click(submit);

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^Too many failed sign-ins for this account; try again after \d{2}:\d{2} UTC\.$/));
    expect(router.state.location.pathname).toBe('/login');
    await expectNoAxeViolations();
  });

  it('shows the server’s message beside an empty email field', async () => {
    const { user } = await renderApp('/login');
    await user.type(await screen.findByLabelText('Password'), 'demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
    await waitFor(() => expect(email).toHaveFocus());
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    await expectNoAxeViolations();
  });

  it('sends a signed-out visitor to sign in and then back to the page they asked for', async () => {
    const { user, router } = await renderApp('/packages/pkg_card_fraud_detection?tab=steps');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/packages/pkg_card_fraud_detection?tab=steps')}`);

    await user.type(screen.getByLabelText('Email'), 'committee@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Card Fraud Detection/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/packages/pkg_card_fraud_detection');
  });

  it('does not follow a next address that leaves the site', async () => {
    const { user, router } = await renderApp('/login?next=//evil.example/phish');
    await user.type(await screen.findByLabelText('Email'), 'owner@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('signs out, forgets the cache and returns to the login page', async () => {
    const { user, router, queryClient } = await renderApp('/', { signedInAs: 'owner@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    await screen.findAllByRole('row');
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: /, account menu/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    // Removal follows the navigation; wait for it rather than race it on a loaded machine.
    await waitFor(() => expect(queryClient.getQueryCache().findAll({ queryKey: ['packages'] })).toHaveLength(0));

    // The server ended the session too: the inbox now asks for sign-in again.
    await router.navigate('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });
});
