// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// The template form's buttons say what happens (docs/decisions/0192, third amendment): with two
// administrators (the demo's) a version is proposed, not published (0182).

describe('template form buttons', () => {
  it('with two administrators the next version is proposed: the button, the dialog and its confirmation say so', async () => {
    const { user } = await renderApp('/admin/templates/tier-4/new-version', { signedInAs: 'admin@example.com' });
    await user.click(await screen.findByRole('button', { name: 'Propose version 2…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Propose version 2 of Tier 4 (experimental) models?' });
    expect(dialog).toHaveTextContent('It takes effect once another administrator approves it on Catalogue proposals.');
    expect(within(dialog).getByRole('button', { name: 'Propose version 2' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('a sole administrator publishes the next version', async () => {
    const { user } = await renderApp('/admin/templates/tier-4/new-version', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await mock.deps.store.setUserRoles('usr_admin_deputy', ['model_owner']);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Publish version 2…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 2 of Tier 4 (experimental) models?' });
    expect(within(dialog).getByRole('button', { name: 'Publish version 2' })).toBeInTheDocument();
  });
});
