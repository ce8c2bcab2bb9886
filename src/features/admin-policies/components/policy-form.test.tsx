// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import type { MockApi } from '#mocks/handlers.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// The policy form's buttons say what happens (docs/decisions/0192, third amendment): with two
// administrators (the demo's) a change is proposed, not published (0182).

const soleAdministrator = {
  prepare: async (mock: MockApi) => {
    await mock.deps.store.setUserRoles('usr_admin_deputy', ['model_owner']);
  },
};

describe('policy form buttons', () => {
  it('with two administrators a new policy is proposed: the button, the dialog and its confirmation say so', async () => {
    const { user } = await renderApp('/admin/policies/new', { signedInAs: 'admin@example.com' });
    const submit = await screen.findByRole('button', { name: 'Propose policy…' });
    expect(screen.queryByRole('button', { name: /^Publish/ })).not.toBeInTheDocument();
    await user.click(submit);
    const dialog = await screen.findByRole('dialog', { name: 'Propose the new policy this policy?' });
    expect(dialog).toHaveTextContent('It takes effect once another administrator approves it on Catalogue proposals.');
    expect(within(dialog).getByRole('button', { name: 'Propose policy' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('a sole administrator publishes: the button and dialog say Publish and promise no approval', async () => {
    const { user } = await renderApp('/admin/policies/new', { signedInAs: 'admin@example.com', ...soleAdministrator });
    await user.click(await screen.findByRole('button', { name: 'Publish policy…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish the new policy this policy?' });
    expect(dialog).not.toHaveTextContent('another administrator');
    expect(within(dialog).getByRole('button', { name: 'Publish policy' })).toBeInTheDocument();
  });
});
