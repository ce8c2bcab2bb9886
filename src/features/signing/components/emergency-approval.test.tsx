// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { packageKeys } from '#src/lib/package-keys.ts';

setupMockServer();

// The clinical demo package is tier 1: its template lets the committee use the emergency path.
const id = 'pkg_clinical_deterioration_risk';

describe('emergency approval', () => {
  it('is offered to the committee apart from the step decisions; signs with justification and incident; the package then shows the follow-up banner', async () => {
    const { user, api } = await renderApp(`/packages/${id}`, { signedInAs: 'committee@example.com' });
    const path = await screen.findByRole('region', { name: 'Emergency approval path' });
    // The committee's own step is not active yet: no step decision, only the emergency action.
    expect(screen.queryByRole('region', { name: /^Your decision on / })).not.toBeInTheDocument();
    await user.click(within(path).getByRole('button', { name: 'Emergency approval…' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign: Emergency approval' });
    expect(dialog).toHaveAccessibleDescription(/This makes version 1 deployable now, before its review chain has completed\./);
    expect(dialog).toHaveTextContent('Robert Castellano, Chair, AI Governance Committee — AI governance committee');
    expect(dialog).toHaveTextContent('Emergency approval for deployment before the review chain completes; a follow-up review is required');
    expect(await within(dialog).findByText(/^SHA-256 [0-9a-f]{16}…$/)).toBeInTheDocument();

    const signButton = within(dialog).getByRole('button', { name: 'Sign emergency approval' });
    await user.click(signButton);
    expect(within(dialog).getByLabelText('Incident reference')).toHaveAccessibleDescription(/Give the incident reference as its ticket id, for example INC-4821/);
    expect(within(dialog).getByLabelText('Justification')).toHaveAccessibleDescription(/Justify the emergency in at least 20 characters/);
    expect(within(dialog).getByRole('checkbox')).toHaveAccessibleDescription('Confirm that you understand what an emergency approval does');
    await expectNoAxeViolations();
    expect(await api.deps.store.listDecisions([id])).toHaveLength(1);

    await user.type(within(dialog).getByLabelText('Incident reference'), 'INC-4821');
    await user.type(within(dialog).getByLabelText('Justification'), 'Alerts fail on the new EHR feed; patients go unflagged.');
    await user.click(within(dialog).getByRole('checkbox'));
    await user.type(within(dialog).getByLabelText('Your password'), 'demo-password');
    await user.click(signButton);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const banner = await screen.findByRole('region', { name: 'Emergency approval INC-4821' });
    expect(banner).toHaveTextContent(/^⚠ Emergency approval by Robert Castellano on .+, incident INC-4821: follow-up review open \(version 1\)\. See the review steps/);
    expect(within(banner).getByRole('link', { name: 'See the review steps' })).toHaveAttribute('href', '#steps-heading');
    await waitFor(() => expect(within(banner).getByText('✓ Signature VALID')).toBeInTheDocument());
    const stored = await api.deps.store.listDecisions([id]);
    expect(stored.at(-1)).toMatchObject({ decision: 'emergency_approve', emergency: { incidentRef: 'INC-4821' } });
    // Once given, it is not offered again on this version.
    expect(screen.queryByRole('region', { name: 'Emergency approval path' })).not.toBeInTheDocument();
  });

  it('is offered disabled, with why, while governance blocks approval (the server would refuse it with 409)', async () => {
    const { api, queryClient } = await renderApp(`/packages/${id}`, { signedInAs: 'committee@example.com' });
    const path = await screen.findByRole('region', { name: 'Emergency approval path' });
    expect(within(path).getByRole('button', { name: 'Emergency approval…' })).toBeEnabled();
    const current = await api.deps.store.currentTieringMethod();
    if (!current) throw new Error('the demo has a tiering method');
    await api.deps.store.insertTieringMethod({ method: { ...current.method, version: current.method.version + 1 }, publishedAt: new Date().toISOString() });
    await queryClient.invalidateQueries({ queryKey: packageKeys.detail(id) });
    await waitFor(() => expect(within(path).getByRole('button', { name: 'Emergency approval…' })).toBeDisabled());
    expect(within(path).getByRole('button', { name: 'Emergency approval…' })).toHaveAccessibleDescription(/Unavailable: governance blocks every approval, an emergency one included.*current method is version 2/);
    await expectNoAxeViolations();
  }, 30_000);

  it('is not offered to a role the template does not allow', async () => {
    await renderApp(`/packages/${id}`, { signedInAs: 'model-risk@example.com' });
    await screen.findByRole('region', { name: /^Your decision on / });
    expect(screen.queryByRole('region', { name: 'Emergency approval path' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Emergency approval…' })).not.toBeInTheDocument();
  });
});
