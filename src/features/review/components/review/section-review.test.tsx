// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { packageKeys } from '#src/lib/package-keys.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const packageId = 'pkg_retail_credit_pd';
const elena = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

const section = (name: string) => screen.findByRole('region', { name });
const tocEntry = (name: string) => {
  const item = within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name }).closest('li');
  if (!item) throw new Error(`No contents entry for ${name}`);
  return item;
};

describe('marking sections reviewed', () => {
  it('marks a section, counts it, keeps it after a refetch, and undoes it', async () => {
    const { user, queryClient } = await renderApp(`/packages/${packageId}?version=2`, { signedInAs: 'fair-lending@example.com' });
    const subgroups = await section('Subgroup fairness');
    expect(await screen.findByRole('progressbar', { name: /^0 of 11 sections reviewed/ })).toHaveValue(0);
    await expectNoAxeViolations();

    await user.click(within(subgroups).getByRole('button', { name: 'Mark section reviewed' }));
    const undo = within(subgroups).getByRole('button', { name: 'Reviewed ✓ — undo' });
    expect(undo).toHaveAttribute('aria-pressed', 'true');
    expect(undo).toHaveFocus();
    expect(screen.getByRole('progressbar', { name: /^1 of 11 sections reviewed/ })).toHaveValue(1);
    expect(tocEntry('Subgroup fairness')).toHaveTextContent(', reviewed by you');
    expect(tocEntry('Intended use and deployment scope')).not.toHaveTextContent(', reviewed by you');
    await expectNoAxeViolations();

    // Drop the cached marks: what comes back is what the server recorded.
    await queryClient.resetQueries({ queryKey: packageKeys.reviews(packageId) });
    expect(await within(subgroups).findByRole('button', { name: 'Reviewed ✓ — undo' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('progressbar', { name: /^1 of 11 sections reviewed/ })).toBeInTheDocument();

    await user.click(within(subgroups).getByRole('button', { name: 'Reviewed ✓ — undo' }));
    expect(within(subgroups).getByRole('button', { name: 'Mark section reviewed' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('progressbar', { name: /^0 of 11 sections reviewed/ })).toBeInTheDocument();
    expect(tocEntry('Subgroup fairness')).not.toHaveTextContent(', reviewed by you');
    await queryClient.resetQueries({ queryKey: packageKeys.reviews(packageId) });
    expect(await screen.findByRole('progressbar', { name: /^0 of 11 sections reviewed/ })).toBeInTheDocument();
  });

  it('says why a decided version cannot be marked instead of offering a button the server refuses', async () => {
    await renderApp(`/packages/${packageId}?version=1`, { signedInAs: 'fair-lending@example.com' });
    const subgroups = await section('Subgroup fairness');
    expect(await within(subgroups).findByText(/^Version 1 was rejected by .+; its annotations and review marks can no longer change\.$/)).toBeInTheDocument();
    expect(within(subgroups).queryByRole('button', { name: 'Mark section reviewed' })).not.toBeInTheDocument();
    // The review bar's button says so too, and does nothing. The bar renders once its own
    // reads have answered, which may be after the section's note: waited for, not assumed.
    const bar = await screen.findByRole('region', { name: 'Review bar' });
    expect(within(bar).getByRole('button', { name: /^Mark reviewed and next/ })).toHaveAttribute('aria-disabled', 'true');
    expect(within(bar).getByRole('button', { name: /^Mark reviewed and next/ })).toHaveAccessibleDescription(/^Version 1 was rejected by/);
    expect(screen.getByRole('progressbar', { name: /^0 of 11 sections reviewed/ })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('lists other reviewers’ marks by name', async () => {
    const { api, queryClient } = await renderApp(`/packages/${packageId}?version=2`, { signedInAs: 'fair-lending@example.com' });
    await api.deps.store.insertSectionReview({ packageId, versionNumber: 2, sectionKey: 'subgroup_fairness', reviewer: elena, reviewedAt: new Date().toISOString() });
    await queryClient.invalidateQueries({ queryKey: packageKeys.reviews(packageId) });

    const subgroups = await section('Subgroup fairness');
    expect(await within(subgroups).findByText('Reviewed by Elena Vasquez')).toBeInTheDocument();
    // Elena's mark is hers: it does not count towards mine.
    expect(within(subgroups).getByRole('button', { name: 'Mark section reviewed' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('progressbar', { name: /^0 of 11 sections reviewed/ })).toBeInTheDocument();
  });

  it('shows the owner the marks but no buttons and no progress of their own', async () => {
    const { api, queryClient } = await renderApp(`/packages/${packageId}?version=2`, { signedInAs: 'owner@example.com' });
    await api.deps.store.insertSectionReview({ packageId, versionNumber: 2, sectionKey: 'subgroup_fairness', reviewer: elena, reviewedAt: new Date().toISOString() });
    await queryClient.invalidateQueries({ queryKey: packageKeys.reviews(packageId) });

    const subgroups = await section('Subgroup fairness');
    expect(await within(subgroups).findByText('Reviewed by Elena Vasquez')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Mark section reviewed|Reviewed ✓/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText(/Reviewed by you/)).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });
});
