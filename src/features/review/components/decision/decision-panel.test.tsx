// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requiredSections } from '../../../../../domain/contracts/package-content.ts';
import { packageKeys } from '../../../../lib/package-keys.ts';
import { expectNoAxeViolations } from '../../../../test/axe.ts';
import { setupMockServer } from '../../../../test/mock-server.ts';
import { renderApp } from '../../../../test/render-app.tsx';

setupMockServer();

const id = 'pkg_clinical_deterioration_risk';
const elena = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

describe('decision panel', () => {
  it('shows the decisions quietly until every section is reviewed, then prominently, saying signing is not enabled yet', async () => {
    const { api, queryClient } = await renderApp(`/packages/${id}`, { signedInAs: 'model-risk@example.com' });
    const panel = await screen.findByRole('region', { name: /^Your decision on / });
    expect(panel).toHaveTextContent('Review every section before deciding: 0 of 11 reviewed.');
    const buttons = within(panel).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Approve', 'Approve with conditions', 'Reject', 'Request clarification']);
    for (const button of buttons) expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(buttons[0]).toHaveAccessibleDescription(/Electronic signing is not yet enabled/);
    await expectNoAxeViolations();

    for (const section of requiredSections) {
      await api.deps.store.insertSectionReview({ packageId: id, versionNumber: 1, sectionKey: section.key, reviewer: elena, reviewedAt: new Date().toISOString() });
    }
    await queryClient.invalidateQueries({ queryKey: packageKeys.reviews(id) });
    expect(await within(panel).findByText(/^You have reviewed every section of this version\./)).toBeInTheDocument();
  });

  it('is not shown to a reviewer whose step is not active, nor to the owner', async () => {
    await renderApp(`/packages/${id}`, { signedInAs: 'fair-lending@example.com' });
    await screen.findByRole('region', { name: 'Identification' });
    expect(screen.queryByRole('region', { name: /^Your decision/ })).not.toBeInTheDocument();
  });
});
