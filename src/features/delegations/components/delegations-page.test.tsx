// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MockApi } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const day = 86_400_000;

/** A delegation of Hannah's security role to Samuel that an administrator made, as the API stores it. */
async function madeByAdministrator(api: MockApi): Promise<void> {
  const now = Date.now();
  await api.deps.store.insertDelegation({
    id: 'dlg_by_admin',
    role: 'security',
    delegatorId: 'usr_security',
    delegateId: 'usr_privacy',
    startsAt: new Date(now + 30 * day).toISOString(),
    endsAt: new Date(now + 31 * day).toISOString(),
    reason: 'Conference cover',
    createdBy: 'usr_admin',
    createdAt: new Date(now).toISOString(),
  });
}

describe('delegations', () => {
  it('lets the delegator accept a delegation an administrator made for them, from the keyboard, after a confirmation', async () => {
    const { user } = await renderApp('/account/delegations', { signedInAs: 'security@example.com', prepare: madeByAdministrator });
    const list = await screen.findByRole('region', { name: 'Given and received' });
    const item = (await within(list).findByText('Security: Hannah Kim → Samuel Okafor')).closest('li');
    if (!item) throw new Error('the delegation is a list item');
    expect(item).toHaveTextContent('Awaiting the delegator’s acceptance');
    await expectNoAxeViolations(document.body);

    within(item).getByRole('button', { name: 'Accept Security: Hannah Kim → Samuel Okafor' }).focus();
    await user.keyboard('{Enter}');
    const confirm = within(item).getByRole('group', { name: 'Confirm accepting Security: Hannah Kim → Samuel Okafor' });
    expect(confirm).toHaveTextContent('Alex Morgan made this for you. Accept it? Samuel Okafor may then sign your steps on your behalf until it ends.');
    expect(within(confirm).getByRole('button', { name: 'Accept delegation' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(item).findByText(/^Made by Alex Morgan, accepted/)).toBeInTheDocument();
    expect(item).toHaveTextContent('Scheduled');
    expect(within(item).queryByRole('button', { name: /^Accept / })).not.toBeInTheDocument();
  });

  it('offers no acceptance to the delegate, who cannot consent for the delegator', async () => {
    await renderApp('/account/delegations', { signedInAs: 'privacy@example.com', prepare: madeByAdministrator });
    const list = await screen.findByRole('region', { name: 'Given and received' });
    const item = (await within(list).findByText('Security: Hannah Kim → Samuel Okafor')).closest('li');
    if (!item) throw new Error('the delegation is a list item');
    expect(item).toHaveTextContent('Awaiting the delegator’s acceptance');
    expect(within(item).queryByRole('button')).not.toBeInTheDocument();
  });
});
