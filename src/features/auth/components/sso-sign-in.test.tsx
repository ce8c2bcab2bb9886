// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { samlPaths, ssoPaths, type SsoConfig } from '#domain/contracts/sso.ts';
import { ssoConfigKeys } from '../api/get-sso-config.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// The real server's answer when single sign-on is configured (the mocks have no such route).
const ssoOn = http.get(`*${ssoPaths.config}`, () => HttpResponse.json({ enabled: true, displayName: 'Bank SSO' }));
const samlOn = http.get(`*${samlPaths.config}`, () => HttpResponse.json({ enabled: true, displayName: 'Bank SAML' }));

describe('single sign-on on the log-in page', () => {
  it('offers "Sign in with …" as a link to the server, carrying where to go next', async () => {
    await renderApp('/login?next=%2Fpackages%2Fpkg_card_fraud_detection', { overrides: [ssoOn] });
    const link = await screen.findByRole('link', { name: 'Sign in with Bank SSO' });
    expect(link).toHaveAttribute('href', `/api/auth/oidc/login?returnTo=${encodeURIComponent('/packages/pkg_card_fraud_detection')}`);
    // The password form stays: local accounts are still there for the demo.
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('offers SAML beside OpenID Connect when the server has both, each a link to its own log-in', async () => {
    await renderApp('/login?next=%2Fdashboard', { overrides: [ssoOn, samlOn] });
    expect(await screen.findByRole('link', { name: 'Sign in with Bank SAML' })).toHaveAttribute('href', `/api/auth/saml/login?returnTo=${encodeURIComponent('/dashboard')}`);
    expect(await screen.findByRole('link', { name: 'Sign in with Bank SSO' })).toHaveAttribute('href', `/api/auth/oidc/login?returnTo=${encodeURIComponent('/dashboard')}`);
    await expectNoAxeViolations();
  });

  it('shows no single sign-on when the server has none', async () => {
    const { queryClient } = await renderApp('/login');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    // Wait for the configuration's answer (a 404 from the mocks: off) before asserting absence.
    for (const protocol of ['oidc', 'saml'] as const) await expect.poll(() => queryClient.getQueryData<SsoConfig>(ssoConfigKeys.protocol(protocol))).toEqual({ enabled: false, displayName: null });
    expect(screen.queryByRole('link', { name: /Sign in with/ })).not.toBeInTheDocument();
  });

  it('says clearly why a single sign-on came back refused', async () => {
    await renderApp('/login?sso_error=account_conflict', { overrides: [ssoOn] });
    expect(await screen.findByRole('alert')).toHaveTextContent('An account with your email address already exists here and signs in with a password.');
    await expectNoAxeViolations();
  });

  it('has a message for an unknown code too, never the raw code', async () => {
    await renderApp('/login?sso_error=%3Cscript%3E');
    expect(await screen.findByRole('alert')).toHaveTextContent('Single sign-on failed. Try again.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('script');
  });
});
