// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// Adding and retiring a line from the page (docs/decisions/0182): with two administrators (the
// demo's) the change is filed as a proposal and the page says so; a sole administrator makes it.

describe('business lines page', () => {
  it('with two administrators, adding and retiring a line are proposed (nothing changes yet), and a refusal is shown at the field', async () => {
    const { user, api } = await renderApp('/admin/business-lines', { signedInAs: 'admin@example.com' });
    const field = await screen.findByRole('textbox', { name: 'Business line' });
    await user.type(field, 'Auto loans');
    // The buttons say what happens (0192, third amendment): nothing is added or retired at once.
    expect(screen.queryByRole('button', { name: 'Add business line' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retire Wealth management' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Propose business line' }));
    const notice = await screen.findByText(/Proposed: another administrator approves it on/);
    expect(within(notice).getByRole('link', { name: 'Catalogue proposals' })).toHaveAttribute('href', '/admin/catalogue-proposals');
    expect((await api.deps.store.listBusinessLines()).map((l) => l.label)).not.toContain('Auto loans');
    expect((await api.deps.store.listPendingCatalogueProposals(new Date().toISOString())).map((p) => p.kind)).toEqual(['add_business_line']);
    await expectNoAxeViolations();

    // The proposal route refuses at /change/label; the page shows it beside the field.
    await user.clear(field);
    await user.type(field, 'Mortgɑges');
    await user.click(screen.getByRole('button', { name: 'Propose business line' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Mortgages/));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/Proposed:/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Propose retiring Wealth management' }));
    const confirming = screen.getByRole('group', { name: 'Confirm retiring Wealth management' });
    expect(confirming).toHaveTextContent('It is retired once another administrator approves it on Catalogue proposals.');
    await expectNoAxeViolations();
    await user.click(within(confirming).getByRole('button', { name: 'Propose retiring the business line' }));
    expect(await screen.findByText(/Proposed: another administrator approves it on/)).toBeInTheDocument();
    expect((await api.deps.store.listBusinessLines()).find((l) => l.key === 'wealth management')?.retiredAt).toBeNull();
  });

  it('a sole administrator adds a line at once, and no proposal is filed', async () => {
    const { user, api } = await renderApp('/admin/business-lines', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await mock.deps.store.setUserRoles('usr_admin_deputy', ['model_owner']);
      },
    });
    await user.type(await screen.findByRole('textbox', { name: 'Business line' }), 'Auto loans');
    expect(screen.getByRole('button', { name: 'Retire Wealth management' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add business line' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Auto loans' })).toBeInTheDocument();
    expect(screen.queryByText(/Proposed:/)).not.toBeInTheDocument();
    expect(await api.deps.store.listPendingCatalogueProposals(new Date().toISOString())).toEqual([]);
  });
});
