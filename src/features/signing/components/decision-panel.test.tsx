// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requiredSections } from '#domain/contracts/package-content.ts';
import { packageKeys } from '#src/lib/package-keys.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const id = 'pkg_clinical_deterioration_risk';
const elena = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

describe('decision panel and signing', () => {
  it('is quiet until every section is reviewed, then prominent', async () => {
    const { api, queryClient } = await renderApp(`/packages/${id}`, { signedInAs: 'model-risk@example.com' });
    const panel = await screen.findByRole('region', { name: /^Your decision on / });
    expect(panel).toHaveTextContent('Review every section before deciding: 0 of 11 reviewed.');
    expect(within(panel).getAllByRole('button').map((button) => button.textContent)).toEqual(['Approve', 'Approve with conditions', 'Reject', 'Request clarification']);
    for (const section of requiredSections) {
      await api.deps.store.insertSectionReview({ packageId: id, versionNumber: 1, sectionKey: section.key, reviewer: elena, reviewedAt: new Date().toISOString() });
    }
    await queryClient.invalidateQueries({ queryKey: packageKeys.reviews(id) });
    expect(await within(panel).findByText(/^You have reviewed every section of this version\./)).toBeInTheDocument();
  });

  it('signs an approval with conditions by password: errors next to their fields first, then a VALID signature in the chain', async () => {
    const { user, api } = await renderApp(`/packages/${id}`, { signedInAs: 'model-risk@example.com' });
    const panel = await screen.findByRole('region', { name: /^Your decision on / });
    await user.click(within(panel).getByRole('button', { name: 'Approve with conditions' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign: Approved with conditions' });
    expect(dialog).toHaveTextContent('Clinical Deterioration Risk');
    expect(dialog).toHaveTextContent('Elena Vasquez, Head of Model Risk Management — Model risk management');
    expect(dialog).toHaveTextContent(/legally binding equivalent of my handwritten signature/);
    expect(await within(dialog).findByText(/^SHA-256 [0-9a-f]{16}…$/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Sign: Approved with conditions' }));
    expect(within(dialog).getByLabelText('Scope the approval is limited to')).toHaveAccessibleDescription('State the scope the approval is limited to');
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Give the reason for this decision');
    expect(within(dialog).getByLabelText('Your password')).toHaveAccessibleDescription(/Enter your password to sign/);
    await expectNoAxeViolations();

    await user.type(within(dialog).getByLabelText('Scope the approval is limited to'), 'Medical-surgical units only');
    await user.type(within(dialog).getByLabelText('Re-review date'), '2027-06-30');
    await user.type(within(dialog).getByLabelText('Reason'), 'Calibration drift must be watched monthly.');
    await user.type(within(dialog).getByLabelText('Your password'), 'wrong-password');
    await user.click(within(dialog).getByRole('button', { name: 'Sign: Approved with conditions' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Your password')).toHaveAccessibleDescription(/The password is not correct\./));
    expect((await api.deps.store.listDecisions([id])).length).toBe(1);

    await user.clear(within(dialog).getByLabelText('Your password'));
    await user.type(within(dialog).getByLabelText('Your password'), 'demo-password');
    await user.click(within(dialog).getByRole('button', { name: 'Sign: Approved with conditions' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const steps = screen.getByRole('region', { name: 'Review steps' });
    const modelRisk = (await within(steps).findByText(/Approved with conditions/, { selector: 'li > span' })).closest('li');
    expect(modelRisk).toHaveTextContent('by Elena Vasquez');
    // The new signature is VALID; the seeded demo decision before it is demonstration data.
    await waitFor(() => expect(within(steps).getAllByText('✓ Signature VALID')).toHaveLength(1));
    expect(within(steps).getAllByText('Demonstration data, not signed by anyone')).toHaveLength(1);
    expect((await api.deps.store.listDecisions([id])).length).toBe(2);
  });

  it('disables Approve and says why while governance blocks it: here an assessment by an earlier tiering method; reject stays open', async () => {
    const { api, queryClient } = await renderApp(`/packages/${id}`, { signedInAs: 'model-risk@example.com' });
    const panel = await screen.findByRole('region', { name: /^Your decision on / });
    expect(within(panel).getByRole('button', { name: 'Approve' })).toBeEnabled();
    const current = await api.deps.store.currentTieringMethod();
    if (!current) throw new Error('the demo has a tiering method');
    await api.deps.store.insertTieringMethod({ method: { ...current.method, version: current.method.version + 1 }, publishedAt: new Date().toISOString() });
    await queryClient.invalidateQueries({ queryKey: packageKeys.detail(id) });
    const note = await within(panel).findByRole('note', { name: 'Why approval is unavailable' });
    expect(note).toHaveTextContent(/Risk assessment 1 was scored by standard version 1; the current method is version 2/);
    expect(within(panel).getByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(within(panel).getByRole('button', { name: 'Approve' })).toHaveAccessibleDescription(/Approval is unavailable until governance is met/);
    expect(within(panel).getByRole('button', { name: 'Approve with conditions' })).toBeDisabled();
    expect(within(panel).getByRole('button', { name: 'Reject' })).toBeEnabled();
    await expectNoAxeViolations();
    // Two renders of the package page and an axe pass: allow for a loaded machine.
  }, 30_000);

  it('offers no approval to the model risk officer who set the tier, and says why; reject stays open (0174)', async () => {
    const { api, queryClient } = await renderApp(`/packages/${id}`, { signedInAs: 'model-risk@example.com' });
    const panel = await screen.findByRole('region', { name: /^Your decision on / });
    expect(within(panel).getByRole('button', { name: 'Approve' })).toBeEnabled();
    // Elena records the assessment that applies now (the demo's was her colleague's).
    const [seeded] = await api.deps.store.listRiskAssessments(id);
    if (!seeded) throw new Error('the demo package is assessed');
    await api.deps.store.insertRiskAssessment({ ...seeded, number: 2, assessedBy: elena.id, assessedAt: new Date().toISOString() });
    await queryClient.invalidateQueries({ queryKey: packageKeys.detail(id) });
    const note = await within(panel).findByRole('note', { name: 'Why you cannot approve' });
    expect(note).toHaveTextContent(/You set this package's risk tier .* segregation of duties leaves approving it to another reviewer/);
    for (const name of ['Approve', 'Approve with conditions']) {
      expect(within(panel).getByRole('button', { name })).toBeDisabled();
      expect(within(panel).getByRole('button', { name })).toHaveAccessibleDescription(/You set this package's risk tier/);
    }
    expect(within(panel).getByRole('button', { name: 'Reject' })).toBeEnabled();
    expect(screen.getByText(/but you set this package's risk tier/)).toBeInTheDocument();
    await expectNoAxeViolations();
  }, 30_000);

  it('explains that a request for clarification points to open clarification requests', async () => {
    const { user } = await renderApp(`/packages/${id}`, { signedInAs: 'model-risk@example.com' });
    await user.click(within(await screen.findByRole('region', { name: /^Your decision on / })).getByRole('button', { name: 'Request clarification' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign: Clarification requested' });
    expect(dialog).toHaveTextContent('none is open now, so this decision would be refused');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is not shown to a reviewer whose step is not active', async () => {
    await renderApp(`/packages/${id}`, { signedInAs: 'fair-lending@example.com' });
    await screen.findByRole('region', { name: 'Identification' });
    expect(screen.queryByRole('region', { name: /^Your decision/ })).not.toBeInTheDocument();
  });
});
