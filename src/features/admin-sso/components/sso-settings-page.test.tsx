// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { SsoSettingsResponse } from '#domain/contracts/sso.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const configured: SsoSettingsResponse = {
  saml: {
    idpEntityId: 'https://sts.windows.net/tenant-id/',
    idpSsoUrl: 'https://login.microsoftonline.com/tenant-id/saml2',
    metadataSource: 'https://login.microsoftonline.com/tenant-id/federationmetadata/2007-06/federationmetadata.xml',
    idpCertificateFingerprints: ['AA:BB:CC'],
    spEntityId: 'https://approvals.example.com/saml',
    acsUrl: 'https://approvals.example.com/api/auth/saml/acs',
    metadataUrl: 'https://approvals.example.com/api/auth/saml/metadata',
    spCertificateFingerprint: null,
    attributes: { email: 'email', displayName: 'displayName', roles: 'groups' },
    roleMap: [{ value: 'grp-model-risk', roles: ['model_risk'] }],
    displayName: 'Bank SAML',
    clockSkewSeconds: 60,
    wantAssertionsSigned: true,
    wantResponseSigned: false,
  },
};

describe('single sign-on settings page', () => {
  it('shows the SAML configuration read-only, with what the IdP administrator needs first', async () => {
    await renderApp('/admin/sso', { signedInAs: 'admin@example.com', overrides: [http.get('*/api/admin/sso', () => HttpResponse.json(configured))] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Single sign-on (SAML)' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Single sign-on · Model Approval'));
    const sp = await screen.findByRole('region', { name: 'For your IdP administrator' });
    expect(within(sp).getByRole('link', { name: 'https://approvals.example.com/api/auth/saml/metadata' })).toHaveAttribute('href', 'https://approvals.example.com/api/auth/saml/metadata');
    expect(within(sp).getByText('https://approvals.example.com/api/auth/saml/acs')).toBeInTheDocument();
    expect(within(sp).getByText(/requests are not signed/)).toBeInTheDocument();
    expect(screen.getByText('grp-model-risk')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /save/i })).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('says how to turn it on when it is off (the real pipeline, no SAML configured)', async () => {
    await renderApp('/admin/sso', { signedInAs: 'admin@example.com' });
    expect(await screen.findByText(/SAML single sign-on is off/)).toBeInTheDocument();
    await expectNoAxeViolations();
  });
});
