// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { fileAccountRequest } from '#api/account-requests/integrity.ts';

setupMockServer();

const temporaryPassword = 'copper kettle mountain breeze';

function accountsTable() {
  return screen.getByRole('table', { name: 'Accounts' });
}

function rowOf(name: string): HTMLElement {
  const row = within(accountsTable()).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

describe('users page', () => {
  it('lists every account with its roles, state and open sessions, and is reached from the navigation', async () => {
    const { user } = await renderApp('/', { signedInAs: 'admin@example.com' });
    // In the header's Administration menu (inside "Menu" on a narrow window).
    await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    const [administration] = within(screen.getByRole('banner')).getAllByRole('button', { name: /^(Administration|Menu)/ });
    if (!administration) throw new Error('no Administration menu in the header');
    await user.click(administration);
    await user.click(await screen.findByRole('menuitem', { name: 'Users' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Users · Model Approval'));
    const table = await screen.findByRole('table', { name: 'Accounts' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Name', 'Email', 'Roles', 'State', 'Open sessions', 'Actions']);
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    const dana = within(rowOf('Dana Whitfield'));
    expect(dana.getByText('Fair Lending Officer')).toBeInTheDocument();
    expect(dana.getByText('fair-lending@example.com')).toBeInTheDocument();
    expect(dana.getByText('Fair lending')).toBeInTheDocument();
    expect(dana.getByText('Active')).toBeInTheDocument();
    // The administrator is signed in here; they cannot disable themselves.
    const admin = within(rowOf('Alex Morgan'));
    expect(admin.getByText('(you)')).toBeInTheDocument();
    expect(admin.getAllByRole('cell')[3]).toHaveTextContent('1');
    expect(admin.queryByRole('button', { name: /^Disable/ })).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('creates an account, showing each problem at its field', async () => {
    const { user, api } = await renderApp('/admin/users', { signedInAs: 'admin@example.com' });
    const form = await screen.findByRole('region', { name: 'Create an account' });
    await user.type(within(form).getByLabelText('Email'), 'not-an-email');
    await user.type(within(form).getByLabelText('Temporary password'), 'short');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));

    const email = within(form).getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('They sign in with it. Enter a valid email address');
    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription(/Enter the name printed on signatures/);
    // The password policy is named with the others, after one submission.
    expect(within(form).getByLabelText('Temporary password')).toHaveAccessibleDescription(/Use at least 15 characters/);
    await waitFor(() => expect(email).toHaveFocus());
    await expectNoAxeViolations();

    await user.clear(email);
    await user.type(email, 'jordan.lee@example.com');
    await user.type(within(form).getByLabelText('Name'), 'Jordan Lee');
    await user.type(within(form).getByLabelText('Title (optional)'), 'Model Validator');
    await user.click(within(form).getByRole('checkbox', { name: 'Model risk management' }));
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    const password = within(form).getByLabelText('Temporary password');
    await waitFor(() => expect(password).toHaveAccessibleDescription(/Use at least 15 characters/));
    expect(email).not.toHaveAttribute('aria-invalid');

    await user.clear(password);
    await user.type(password, temporaryPassword);
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    // Model risk decides: the account waits for a second administrator (0175).
    await waitFor(() =>
      expect(screen.getByText(/^Your request is filed: Create the account of Jordan Lee \(jordan\.lee@example\.com\) with Model risk management\./)).toHaveAttribute('role', 'status'),
    );
    expect(email).toHaveValue('');
    const waiting = await screen.findByRole('region', { name: 'Waiting for a second administrator' });
    await waitFor(() => expect(within(waiting).getByText('You filed this request; another administrator approves or rejects it.')).toBeInTheDocument());
    expect(within(waiting).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    expect(await api.deps.store.findUserByEmail('jordan.lee@example.com')).toBeNull();
    await expectNoAxeViolations();

    // A model owner's account is created at once.
    await user.type(email, 'kim.ode@example.com');
    await user.type(within(form).getByLabelText('Name'), 'Kim Ode');
    await user.click(within(form).getByRole('checkbox', { name: 'Model owner' }));
    await user.type(password, temporaryPassword);
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByText(/^The account of Kim Ode \(kim\.ode@example\.com\) is created\./)).toHaveAttribute('role', 'status'));
    const row = within(await waitFor(() => rowOf('Kim Ode')));
    expect(row.getByText('Must change password')).toBeInTheDocument();
    expect(await api.deps.store.findUserByEmail('kim.ode@example.com')).toMatchObject({ roles: ['model_owner'], passwordChangeRequired: true });
  });

  it('approves, by keyboard, a grant another administrator asked for; the change takes effect once', async () => {
    const { user, api } = await renderApp('/admin/users', { signedInAs: 'admin-deputy@example.com' });
    // Filed as the API files it: its hash in the row and the chained entry (0198).
    await fileAccountRequest(api.deps.store, {
      id: 'acr_unit',
      kind: 'set_roles',
      userId: 'usr_privacy',
      email: 'privacy@example.com',
      displayName: 'Samuel Okafor',
      title: 'Chief Privacy Officer',
      rolesBefore: ['privacy'],
      rolesAfter: ['privacy', 'security'],
      passwordHash: null,
      requestedBy: 'usr_admin',
      requestedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const waiting = await screen.findByRole('region', { name: 'Waiting for a second administrator' });
    const approve = await within(waiting).findByRole('button', { name: 'Approve: Change the roles of Samuel Okafor (privacy@example.com) from Privacy to Privacy, Security' });
    expect(within(waiting).getByText(/Asked by Alex Morgan/)).toBeInTheDocument();
    await expectNoAxeViolations();
    approve.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Approved, and done: Change the roles of Samuel Okafor'));
    await waitFor(() => expect(within(waiting).getByText('No request waits for approval.')).toBeInTheDocument());
    expect((await api.deps.store.findUserByEmail('privacy@example.com'))?.roles).toEqual(['privacy', 'security']);
    await waitFor(() => expect(within(rowOf('Samuel Okafor')).getByText('Security')).toBeInTheDocument());
  });

  it('a request whose requester lost the administrator role since reads as no longer approvable: Reject only', async () => {
    const { api } = await renderApp('/admin/users', {
      signedInAs: 'admin-deputy@example.com',
      prepare: async (mock) => {
        const at = new Date().toISOString();
        await fileAccountRequest(mock.deps.store, { id: 'acr_orphan', kind: 'set_roles', userId: 'usr_privacy', email: 'privacy@example.com', displayName: 'Samuel Okafor', title: 'Chief Privacy Officer', rolesBefore: ['privacy'], rolesAfter: ['privacy', 'security'], passwordHash: null, requestedBy: 'usr_admin', requestedAt: at, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
        const requester = await mock.deps.store.findUserById('usr_admin');
        if (!requester) throw new Error('usr_admin');
        await mock.deps.store.updateUserProfile('usr_admin', { email: requester.email, displayName: requester.displayName, roles: [] });
      },
    });
    const waiting = await screen.findByRole('region', { name: 'Waiting for a second administrator' });
    expect(await within(waiting).findByText('No longer approvable: Alex Morgan, who filed it, no longer holds the administrator role. Reject it; another administrator may file it again.')).toBeInTheDocument();
    expect(within(waiting).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    expect(within(waiting).getByRole('button', { name: /^Reject: Change the roles of Samuel Okafor/ })).toBeEnabled();
    await expectNoAxeViolations();
    expect((await api.deps.store.findAccountRequest('acr_orphan'))?.decision).toBeNull();
  });

  it('a request stored otherwise than filed reads as tampered: Reject only, saying why', async () => {
    const { api } = await renderApp('/admin/users', {
      signedInAs: 'admin-deputy@example.com',
      prepare: async (mock) => {
        const at = new Date().toISOString();
        // Written behind the API: no hash, no chained filing entry (0198).
        await mock.deps.store.insertAccountRequest({ id: 'acr_forged', kind: 'set_roles', userId: 'usr_privacy', email: 'privacy@example.com', displayName: 'Samuel Okafor', title: 'Chief Privacy Officer', rolesBefore: ['privacy'], rolesAfter: ['privacy', 'admin'], passwordHash: null, contentSha256: null, requestedBy: 'usr_admin', requestedAt: at, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), decision: null, decidedBy: null, decidedAt: null });
      },
    });
    const waiting = await screen.findByRole('region', { name: 'Waiting for a second administrator' });
    expect(await within(waiting).findByText(/^Not approvable: this request as stored is not what was filed/)).toBeInTheDocument();
    expect(within(waiting).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    expect(within(waiting).getByText(/^Altered in the database, as stored now: Change the roles of Samuel Okafor/)).toBeInTheDocument();
    expect(within(waiting).getByRole('button', { name: /^Reject: Altered in the database/ })).toBeEnabled();
    await expectNoAxeViolations();
    expect((await api.deps.store.findAccountRequest('acr_forged'))?.decision).toBeNull();
  });

  it('edits the roles of an account in a dialog, and offers no change of one’s own roles', async () => {
    const { user, api } = await renderApp('/admin/users', { signedInAs: 'admin@example.com' });
    await screen.findByRole('table', { name: 'Accounts' });
    const editOther = within(rowOf('Samuel Okafor')).getByRole('button', { name: 'Edit roles of Samuel Okafor' });
    await user.click(editOther);
    const dialog = screen.getByRole('dialog', { name: 'Roles of Samuel Okafor' });
    expect(within(dialog).getByRole('checkbox', { name: 'Privacy' })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Security' }));
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Security decides: the grant waits for another administrator (0175).
    expect(screen.getByRole('status')).toHaveTextContent('Your request is filed: Change the roles of Samuel Okafor (privacy@example.com) from Privacy to Privacy, Security.');
    expect((await api.deps.store.findUserByEmail('privacy@example.com'))?.roles).toEqual(['privacy']);
    // Focus goes back to the button that opened it.
    await waitFor(() => expect(editOther).toHaveFocus());

    // An administrator who could grant themselves model risk could decide a tier and sign its chain alone (0172).
    const own = within(rowOf('Alex Morgan'));
    expect(own.queryByRole('button', { name: /Edit roles/ })).not.toBeInTheDocument();
    expect(own.getByText('Another administrator changes your roles.')).toBeInTheDocument();
    expect((await api.deps.store.findUserByEmail('admin@example.com'))?.roles).toEqual(['admin']);
  });

  it('disables and enables an account after a confirmation', async () => {
    const { user, api } = await renderApp('/admin/users', { signedInAs: 'admin@example.com' });
    await screen.findByRole('table', { name: 'Accounts' });
    await user.click(within(rowOf('Hannah Kim')).getByRole('button', { name: 'Disable Hannah Kim' }));
    const question = screen.getByRole('group', { name: 'Confirm disabling Hannah Kim' });
    expect(question).toHaveTextContent('Disable Hannah Kim? They are signed out at once and cannot sign in.');
    expect(within(question).getByRole('button', { name: 'Disable account' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(rowOf('Hannah Kim')).getByText(/^Disabled since/)).toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('Hannah Kim is disabled and signed out everywhere.');
    expect((await api.deps.store.findUserByEmail('security@example.com'))?.disabledAt).toBeTruthy();

    await user.click(within(rowOf('Hannah Kim')).getByRole('button', { name: 'Enable Hannah Kim' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm enabling Hannah Kim' })).getByRole('button', { name: 'Enable account' }));
    await waitFor(() => expect(within(rowOf('Hannah Kim')).getByText('Active')).toBeInTheDocument());
    await expectNoAxeViolations();
  });

  it('resets a password to a temporary one, refusing a weak one at its field', async () => {
    const { user } = await renderApp('/admin/users', { signedInAs: 'admin@example.com' });
    await screen.findByRole('table', { name: 'Accounts' });
    await user.click(within(rowOf('Priya Natarajan')).getByRole('button', { name: 'Reset password of Priya Natarajan' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset the password of Priya Natarajan' });
    expect(dialog).toHaveAccessibleDescription(/Priya Natarajan is signed out everywhere at once\./);
    const password = within(dialog).getByLabelText('Temporary password');
    await user.type(password, 'passwordpassword');
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/This password is commonly used; choose another\./));
    expect(password).toHaveFocus();
    await expectNoAxeViolations();

    // Past the browser's checks, the server's breach list: two leaked passwords joined.
    await user.clear(password);
    await user.type(password, 'sunshine baseball');
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/appears in lists of passwords leaked in breaches; choose another\./));

    await user.clear(password);
    await user.type(password, temporaryPassword);
    await user.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent(/The password of Priya Natarajan is reset/);
    await waitFor(() => expect(within(rowOf('Priya Natarajan')).getByText('Must change password')).toBeInTheDocument());
  });
});
