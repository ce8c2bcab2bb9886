// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// Publishing a revalidation schedule from the risk tiering page (docs/decisions/0182): proposed
// when two administrators exist (its refusals beside their fields), published by a sole one.

/** The button says what happens (0192, third amendment): "Propose" once two administrators exist. */
async function publishTierOne(user: Awaited<ReturnType<typeof renderApp>>['user'], months: string, verb: 'Publish' | 'Propose') {
  const form = await screen.findByRole('form', { name: `${verb} version 2` });
  const tierOne = within(form).getByRole('spinbutton', { name: 'Tier 1: months' });
  await user.clear(tierOne);
  await user.type(tierOne, months);
  await user.click(within(form).getByRole('button', { name: `${verb} version 2` }));
  return { form, tierOne };
}

describe('revalidation schedule form', () => {
  it('with two administrators files a proposal, says so with a link, and shows the proposal route’s refusal at its field', async () => {
    const { user, api } = await renderApp('/admin/risk-tiering', { signedInAs: 'admin@example.com' });
    const { form, tierOne } = await publishTierOne(user, '0', 'Propose');
    await waitFor(() => expect(tierOne).toHaveAttribute('aria-invalid', 'true'));
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();

    await user.clear(tierOne);
    await user.type(tierOne, '6');
    await user.click(within(form).getByRole('button', { name: 'Propose version 2' }));
    const notice = await within(form).findByText(/Proposed: another administrator approves it on/);
    expect(within(notice).getByRole('link', { name: 'Catalogue proposals' })).toHaveAttribute('href', '/admin/catalogue-proposals');
    expect(tierOne).not.toHaveAttribute('aria-invalid');
    expect((await api.deps.store.listRevalidationSchedules()).map((s) => s.version)).toEqual([1]);
    expect((await api.deps.store.listPendingCatalogueProposals(new Date().toISOString())).map((p) => p.kind)).toEqual(['publish_revalidation_schedule']);
  });

  it('a sole administrator publishes the version at once', async () => {
    const { user, api } = await renderApp('/admin/risk-tiering', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await mock.deps.store.setUserRoles('usr_admin_deputy', ['model_owner']);
      },
    });
    const { form } = await publishTierOne(user, '6', 'Publish');
    expect(await within(form).findByText('Version 2 is published.')).toBeInTheDocument();
    expect((await api.deps.store.listRevalidationSchedules()).map((s) => s.version)).toEqual([1, 2]);
  });

  it('a second administrator added since the page read the session: the answer says proposed, and the button says Propose from then on', async () => {
    const { user, api } = await renderApp('/admin/risk-tiering', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await mock.deps.store.setUserRoles('usr_admin_deputy', ['model_owner']);
      },
    });
    await screen.findByRole('form', { name: 'Publish version 2' });
    await api.deps.store.setUserRoles('usr_admin_deputy', ['admin']);
    const { form } = await publishTierOne(user, '6', 'Publish');
    expect(await within(form).findByText(/Proposed: another administrator approves it on/)).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Propose version 2' })).toBeInTheDocument();
    expect((await api.deps.store.listRevalidationSchedules()).map((s) => s.version)).toEqual([1]);
  });
});
