// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const credit = 'pkg_retail_credit_pd';

describe('the diff view', () => {
  it('compares the rejected version with the resubmission: counts, the fairness flip, the concern mapped to its answer', async () => {
    const { router } = await renderApp(`/packages/${credit}/diff`, { signedInAs: 'fair-lending@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Compare versions: Retail Credit PD 4.2.0' })).toBeInTheDocument();
    // Default: the version the rejection was on against the newest.
    expect(screen.getByRole('combobox', { name: 'From' })).toHaveValue('1');
    expect(screen.getByRole('combobox', { name: 'To' })).toHaveValue('2');

    await waitFor(() => expect(screen.getByTestId('count-modified')).toHaveTextContent('6'));
    expect(screen.getByTestId('count-added')).toHaveTextContent('0');
    expect(screen.getByTestId('count-removed')).toHaveTextContent('0');
    expect(screen.getByTestId('count-unchanged')).toHaveTextContent('5');

    const concerns = screen.getByRole('region', { name: 'Concerns and answers' });
    const concern = within(concerns).getByText(/Rejection concern of Dana Whitfield/).closest('li');
    if (!concern) throw new Error('No concern item');
    expect(within(concern).getByRole('link', { name: 'Subgroup fairness' }).parentElement).toHaveTextContent('(modified)');
    expect(within(concern).queryByText(/Not addressed in the content/)).not.toBeInTheDocument();
    expect(concern).toHaveTextContent(/0\.78 to 0\.86/);

    const fairness = await screen.findByRole('table', { name: 'Changes to the rows of Subgroup fairness' });
    const row = within(fairness).getByRole('rowheader', { name: /62 and over/ }).closest('tr');
    if (!row) throw new Error('No row for the 62 and over group');
    expect(within(row).getByText('fail → pass')).toBeInTheDocument();
    expect(row).toHaveTextContent(/0\.78\s*fail\s*→\s*changed to\s*0\.86\s*pass/);

    await expectNoAxeViolations();
    expect(router.state.location.search).toBe('');
  });

  it('shows tables side by side on request, keeping the choice in the address', async () => {
    const { user, router } = await renderApp(`/packages/${credit}/diff?from=1&to=2`, { signedInAs: 'fair-lending@example.com' });
    await user.click(await screen.findByRole('button', { name: 'Side by side' }));
    expect(router.state.location.search).toBe('?from=1&to=2&mode=side-by-side');
    // The address changes first; the page re-renders from it a moment later (slower under load).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Side by side' })).toHaveAttribute('aria-pressed', 'true'));
    const fairness = await screen.findByRole('table', { name: 'Changes to the rows of Subgroup fairness' });
    expect(within(fairness).getAllByRole('columnheader', { name: 'Version 1' }).length).toBeGreaterThan(0);
    await expectNoAxeViolations();
  });

  it('shows each section’s findings with it, marked changed or unchanged, with their status as of each version', async () => {
    await renderApp(`/packages/${credit}/diff?from=1&to=2`, { signedInAs: 'fair-lending@example.com' });
    const group = await screen.findByRole('group', { name: 'Findings on Subgroup fairness (1)' });
    expect(group).toHaveTextContent('Section changed since raised');
    expect(group).toHaveTextContent('High, remediation proposed at version 1 → verified and closed at version 2');
    expect(within(group).getByRole('link', { name: /^Disparate impact ratio of 0\.78/ })).toHaveAttribute('href', expect.stringMatching(/\/packages\/pkg_retail_credit_pd\/findings#finding-/));
    await expectNoAxeViolations();
  });

  it('says so when the package has a single version', async () => {
    await renderApp('/packages/pkg_clinical_deterioration_risk/diff', { signedInAs: 'model-risk@example.com' });
    expect(await screen.findByText(/This package has a single version/)).toBeInTheDocument();
  });
});
