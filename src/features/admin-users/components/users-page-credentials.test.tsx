// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MockApi } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { fileAccountRequest } from '#api/account-requests/integrity.ts';

// The Users page and new accounts' credentials (docs/decisions/0186): with mail on, the create
// form asks for no password and says a link will be mailed; each request card says who created
// the account and when, when its password was set and the passkeys added since.

setupMockServer();

/** Mail as SMTP_HOST turns it on, for the mock API the page talks to. */
function mailOn(api: MockApi): Promise<void> {
  api.deps.mail = { enabled: true, digestHourUtc: 7 };
  return Promise.resolve();
}

describe('users page, credentials', () => {
  it('with mail on, creates an account without a password: the form says a link is mailed to its address, and it is', async () => {
    const { user, api } = await renderApp('/admin/users', { signedInAs: 'admin@example.com', prepare: mailOn });
    const form = (await screen.findByRole('heading', { name: 'Create an account' })).closest('section');
    if (!form) throw new Error('no create section');
    const section = within(form);
    await waitFor(() => expect(section.getByText(/No password to choose: the account is created without one, and a link to set their own password is mailed/)).toBeInTheDocument());
    expect(section.queryByLabelText('Temporary password')).not.toBeInTheDocument();
    await user.type(section.getByLabelText('Email'), 'kim.ode@example.com');
    await user.type(section.getByLabelText('Name'), 'Kim Ode');
    await user.click(section.getByRole('checkbox', { name: 'Model owner' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The account of Kim Ode (kim.ode@example.com) is created. A link to set their password was mailed to that address'));
    const created = await api.deps.store.findUserByEmail('kim.ode@example.com');
    expect(created).toMatchObject({ passwordSetByAdmin: null, createdBy: 'usr_admin' });
    expect((await api.deps.store.listMailFor(created?.id ?? '')).map((m) => [m.to, m.subject])).toEqual([['kim.ode@example.com', 'Set your password']]);
    await expectNoAxeViolations();
  });

  it('with mail off, still asks for a temporary password', async () => {
    await renderApp('/admin/users', { signedInAs: 'admin@example.com' });
    const form = (await screen.findByRole('heading', { name: 'Create an account' })).closest('section');
    if (!form) throw new Error('no create section');
    expect(within(form).getByLabelText('Temporary password')).toBeInTheDocument();
    expect(within(form).queryByText(/No password to choose/)).not.toBeInTheDocument();
  });

  it('says on each request card who created the account and when, who set its password and when, and the passkeys added since', async () => {
    const { api } = await renderApp('/admin/users', { signedInAs: 'admin-deputy@example.com' });
    const createdAt = '2026-11-02T09:00:00.000Z';
    await api.deps.store.insertUser({ id: 'usr_ghost', email: 'ghost@example.com', displayName: 'Gus Host', title: '', roles: ['model_owner'], passwordHash: 'x', passwordSetByAdmin: 'usr_admin', createdBy: 'usr_admin', createdAt, passwordSetAt: createdAt });
    for (const [n, at] of [[1, '2026-11-01T09:00:00.000Z'], [2, '2026-11-03T10:00:00.000Z'], [3, '2026-11-04T11:00:00.000Z']] as const) {
      await api.deps.store.insertPasskey({ credentialId: `cred-${n}`, userId: 'usr_ghost', name: `key ${n}`, publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, createdAt: at });
    }
    const now = new Date();
    await fileAccountRequest(api.deps.store, { id: 'acr_ghost', kind: 'set_roles', userId: 'usr_ghost', email: 'ghost@example.com', displayName: 'Gus Host', title: '', rolesBefore: ['model_owner'], rolesAfter: ['model_owner', 'privacy'], passwordHash: null, requestedBy: 'usr_admin', requestedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3_600_000).toISOString() });
    const waiting = await screen.findByRole('region', { name: 'Waiting for a second administrator' });
    const card = within((await within(waiting).findByText(/^Change the roles of Gus Host/)).closest('li') ?? waiting);
    expect(card.getByText(/^Created by Alex Morgan on/)).toHaveTextContent(/who filed this request and chose the account’s email address\./);
    expect(card.getByText(/^Its current password was set by the administrator Alex Morgan on/)).toBeInTheDocument();
    // Two of the three passkeys came after the password was set; each is dated.
    const passkeys = card.getByText(/^2 passkeys added since then:/);
    expect([...passkeys.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual(['2026-11-03T10:00:00.000Z', '2026-11-04T11:00:00.000Z']);
    await expectNoAxeViolations();
  });
});
