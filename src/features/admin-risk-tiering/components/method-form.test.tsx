// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// The tiering method form says what its button does (docs/decisions/0192, third amendment).

describe('tiering method form', () => {
  it('with two administrators its heading and button say Propose', async () => {
    await renderApp('/admin/risk-tiering', { signedInAs: 'admin@example.com' });
    const form = await screen.findByRole('form', { name: 'Propose method version 2' });
    expect(within(form).getByRole('button', { name: 'Propose method version 2' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Publish/ })).not.toBeInTheDocument();
  });

  it('a sole administrator’s says Publish', async () => {
    await renderApp('/admin/risk-tiering', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await mock.deps.store.setUserRoles('usr_admin_deputy', ['model_owner']);
      },
    });
    const form = await screen.findByRole('form', { name: 'Publish method version 2' });
    expect(within(form).getByRole('button', { name: 'Publish method version 2' })).toBeInTheDocument();
  });
});
