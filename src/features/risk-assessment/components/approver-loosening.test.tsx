// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import type { MockApi } from '#mocks/handlers.ts';

setupMockServer();

// Elena (model risk) approved the retail credit package's latest version in the demo: the server
// refuses her a laxer tier afterwards (403 approver-cannot-set-tier, 0174 amended). The form and
// the override's confirmation say so before she tries (docs/decisions/0183).
const retail = 'pkg_retail_credit_pd';

/** A tier 4 override on the retail package's assessment, asked by data governance, not confirmed. */
async function laxerOverride(api: MockApi): Promise<void> {
    await api.deps.store.insertTierOverride({
      packageId: retail,
      number: 1,
      tier: 4,
      reason: 'Internal use only.',
      requestedBy: 'usr_data_governance',
      requestedRole: 'data_governance',
      requestedAt: new Date().toISOString(),
      confirmedBy: null,
      confirmedRole: null,
      confirmedAt: null,
    });
}

describe('an approver is told before trying that they do not loosen the tier', () => {
  it('the assessment form: the answers in effect may be recorded; a laxer score is explained and not submitted', async () => {
    const { user } = await renderApp(`/packages/${retail}/risk-assessment`, { signedInAs: 'model-risk@example.com' });
    const submit = await screen.findByRole('button', { name: 'Record the assessment' });
    expect(submit).toBeEnabled();
    expect(screen.queryByText(/you do not loosen its risk tier/)).not.toBeInTheDocument();
    // Every category at its lowest: tier 4, laxer than the one in effect.
    for (const select of screen.getAllByRole('combobox', { name: 'Likelihood' })) await user.selectOptions(select, '1');
    for (const select of screen.getAllByRole('combobox', { name: 'Impact' })) await user.selectOptions(select, '1');
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription(/You approved the latest version of this package, so you do not loosen its risk tier \(tier \d in effect, tier 4 here\)/);
    await expectNoAxeViolations(document.body);
  });

  it('a laxer override asked by someone else: no Confirm for her, the reason instead', async () => {
    await renderApp(`/packages/${retail}`, { signedInAs: 'model-risk@example.com', prepare: laxerOverride });
    const reason = await screen.findByText(/You approved the latest version of this package, so you do not loosen its risk tier/);
    expect(reason).toHaveTextContent('tier 4 here');
    expect(screen.queryByRole('button', { name: 'Confirm the override' })).not.toBeInTheDocument();
    await expectNoAxeViolations(document.body);
  });

  it('the same laxer override for the model risk officer who did not approve: Confirm, no refusal', async () => {
    await renderApp(`/packages/${retail}`, { signedInAs: 'risk-tiering@example.com', prepare: laxerOverride });
    expect(await screen.findByRole('button', { name: 'Confirm the override' })).toBeEnabled();
    expect(screen.queryByText(/you do not loosen its risk tier/)).not.toBeInTheDocument();
  });
});
