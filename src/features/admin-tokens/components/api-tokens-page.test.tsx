// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

// A token submits in its creator's name: an owner makes them for their own models, and an
// administrator, who owns none, oversees and revokes but is offered no form.
describe('API tokens', () => {
  it('lets a model owner create a token for a model of theirs and shows its secret once', async () => {
    const { user } = await renderApp('/admin/tokens', { signedInAs: 'owner@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'API tokens' })).toBeInTheDocument();
    const model = await screen.findByLabelText('Model');
    // The demo owner's four models, and nobody else's.
    expect(within(model).getAllByRole('option').map((option) => option.getAttribute('value')).sort()).toEqual(['', 'card-fraud-detection', 'clinical-deterioration-risk', 'retail-credit-pd', 'support-assistant-llm']);
    await user.selectOptions(model, 'card-fraud-detection');
    await user.type(screen.getByLabelText('Name'), 'Nightly retraining{Enter}');
    const notice = await screen.findByRole('region', { name: 'Copy the token “Nightly retraining” now' });
    expect(within(notice).getByLabelText("The token's secret")).toHaveTextContent(/^mat_/);
    expect(within(screen.getByRole('table')).getByText('Nightly retraining').closest('tr')).toHaveTextContent('by Priya Natarajan');
  });

  it('offers an administrator no form: they own no model', async () => {
    await renderApp('/admin/tokens', { signedInAs: 'admin@example.com' });
    expect(await screen.findByText('You own no model yet: a token is created by the owner of the model it submits for, and submits in their name.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create token' })).not.toBeInTheDocument();
  });
});
