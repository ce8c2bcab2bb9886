// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test/axe.ts';
import { setupMockServer } from '../test/mock-server.ts';
import { renderApp } from '../test/render-app.tsx';

setupMockServer();

describe('not found', () => {
  it('answers an unknown address inside the app frame', async () => {
    const { user, router } = await renderApp('/no/such/page', { signedInAs: 'admin@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page not found · Model Approval'));
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.click(screen.getByRole('link', { name: 'Go to your inbox' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('answers a package the reader cannot see the same way', async () => {
    await renderApp('/packages/pkg_does_not_exist', { signedInAs: 'model-risk@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Package not found' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Package not found · Model Approval'));
    await expectNoAxeViolations();
  });
});
