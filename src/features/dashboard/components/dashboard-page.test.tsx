// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuditVerification } from '#domain/contracts/audit.ts';
import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { summaryFixture } from '#src/test/package-summary.ts';

setupMockServer();

const checkedAt = '2026-03-01T12:00:00.000Z';
const intact: AuditVerification = { valid: true, checkedAt, size: 42, rootHash: 'a'.repeat(64), treeHeadsChecked: 2, breaks: [] };
const broken: AuditVerification = {
  valid: false,
  checkedAt,
  size: 42,
  rootHash: 'b'.repeat(64),
  treeHeadsChecked: 1,
  breaks: [
    { seq: null, reason: 'The Merkle root of the log does not match tree head 40.' },
    { seq: 12, reason: 'Entry #12: its content does not hash to its recorded hash.' },
  ],
};
const noFindings: Dashboard['findings'] = { openBySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, overdue: [], acceptancesExpiring: [] };
/** A governance section with no figure, and no tree head published in the last 12 months. */
const noGovernance: Dashboard['governance'] = { figures: [], auditChain: { trend: Array.from({ length: 12 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, '0')}`, value: null })), trendMeasure: 'Entries at the last tree head' } };
const emptyList = (governance: 'pending' | 'overdue' | 'conditions_lapsed'): Dashboard['pending'] => ({ items: [], total: 0, link: { list: 'packages', query: { governance } } });
const verification = (body: AuditVerification) => http.get('*/api/audit/verify', () => HttpResponse.json(body));

function section(name: RegExp | string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('dashboard', () => {
  it('shows the demo inventory by risk tier, what is pending and overdue, re-reviews, recent decisions and an intact log', async () => {
    await renderApp('/dashboard', { signedInAs: 'committee@example.com', overrides: [verification(intact)] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    const tiers = await screen.findByRole('table', { name: /Models per risk tier/ });
    const rows = within(tiers)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').map((cell) => cell.textContent)]);
    expect(rows).toEqual([
      ['Tier 1 (critical)', '2', '2', '0', '0'],
      ['Tier 2', '2', '1', '1', '0'],
      ['Tier 3', '0', '0', '0', '0'],
      ['Tier 4 (experimental)', '0', '0', '0', '0'],
    ]);
    expect(within(tiers).getByRole('link', { name: 'Tier 1' })).toHaveAttribute('href', '/?riskTier=1');

    const models = (name: RegExp) => within(section(name)).getAllByRole('rowheader').map((cell) => within(cell).getByRole('link').textContent);
    expect(models(/^Pending reviews/)).toEqual(['Retail Credit PD', 'Clinical Deterioration Risk (adult inpatient early warning)', 'Support Assistant (retrieval-augmented LLM)']);
    expect(section(/^Overdue reviews \(1\)/)).toHaveTextContent(/Model risk management.*Overdue by \d+ days?/);
    expect(models(/^Overdue reviews/)).toEqual(['Clinical Deterioration Risk (adult inpatient early warning)']);
    expect(within(section(/^Overdue reviews/)).getByRole('link', { name: /Clinical Deterioration Risk/ })).toHaveAttribute('href', '/packages/pkg_clinical_deterioration_risk');
    // Every package of a list is on the page: its link opens the same list in the inventory.
    expect(within(section(/^Pending reviews \(3\)/)).getByRole('link', { name: 'Open the pending reviews in the inventory' })).toHaveAttribute('href', '/?tab=all&governance=pending');
    expect(within(section(/^Overdue reviews \(1\)/)).getByRole('link', { name: 'Open the overdue reviews in the inventory' })).toHaveAttribute('href', '/?tab=all&governance=overdue');
    expect(within(section(/^Conditions lapsed \(0\)/)).queryByRole('link')).not.toBeInTheDocument();
    // Card fraud's conditions come up for re-review in 358 days: not yet.
    expect(section(/^Re-reviews \(0\)/)).toHaveTextContent('No approval is due for re-review in the next 30 days.');

    const decisions = within(section('Recent decisions')).getAllByRole('listitem');
    expect(decisions).toHaveLength(11);
    expect(decisions[0]).toHaveTextContent(/^Approved by Elena Vasquez \(Model risk management\) · Retail Credit PD 4\.2\.0/);

    expect(await within(section('Audit log integrity')).findByText('Intact — 42 entries')).toBeInTheDocument();
    expect(section('Audit log integrity')).toHaveTextContent('hash chain, Merkle root and 2 published tree heads');
    await expectNoAxeViolations();
  });

  it('shows the governance figures of the demo, each linking to the list that counts it, with a trend table', async () => {
    await renderApp('/dashboard', { signedInAs: 'committee@example.com', overrides: [verification(intact)] });
    const governance = await screen.findByRole('region', { name: 'Governance metrics' });
    const link = async (name: RegExp) => within(governance).findByRole('link', { name });
    expect(await link(/^Pending approval: show the 3 packages$/)).toHaveAttribute('href', '/?tab=all&governance=pending');
    expect(await link(/^Tier 1 \(critical\): show the 2 packages$/)).toHaveAttribute('href', '/?tab=all&governance=current&riskTier=1');
    expect(await link(/^Expired risk acceptances: show the 0 findings$/)).toHaveAttribute('href', '/findings?status=risk_accepted&acceptanceExpired=true');
    // New packages and resubmissions alike: the inventory's list of packages with a version submitted this month (decision record 0156).
    expect(await link(/^Changes this month: show the \d+ packages?$/)).toHaveAttribute('href', '/?tab=all&governance=changed');
    // Audit chain integrity: its 12 months of signed tree heads, and the log behind them.
    expect(await link(/^Audit chain integrity: open the audit log$/)).toHaveAttribute('href', '/audit');
    expect(within(within(governance).getByRole('list', { name: 'Audit chain integrity' })).getByRole('table', { hidden: true, name: /^Entries in the audit log at the last tree head signed in the month/ })).toBeInTheDocument();
    const coverage = within(governance).getByRole('list', { name: 'Coverage' });
    expect(within(coverage).getAllByRole('listitem').map((item) => item.textContent.match(/^(.*?\d+%)\d+ of \d+ models/)?.[0])).toEqual([
      'With a complete package75%3 of 4 models',
      'With a risk assessment100%4 of 4 models',
      'With all approvals25%1 of 4 models',
    ]);
    const pending = within(governance).getAllByRole('listitem').find((item) => item.textContent.startsWith('Pending approval'));
    if (!pending) throw new Error('the pending figure is listed');
    const trend = within(pending).getByRole('table', { name: /Versions submitted for review, per month/ });
    expect(within(trend).getAllByRole('row')).toHaveLength(13);
    // The state figures' trends come from monthly snapshots (docs/decisions/0136): none taken yet.
    expect(within(governance).queryAllByText('No monthly history: counted as of now.')).toHaveLength(0);
    const overdue = within(governance).getAllByRole('listitem').find((item) => item.textContent.startsWith('Overdue reviews'));
    if (!overdue) throw new Error('the overdue figure is listed');
    const snapshots = within(overdue).getByRole('table', { name: /At the close of each month: overdue reviews, per month/ });
    expect(within(snapshots).getByRole('columnheader', { name: 'Value' })).toBeInTheDocument();
    expect(within(snapshots).getAllByText('Not recorded')).toHaveLength(11);
  });

  it('names the entry where the audit log breaks, with every reason, and links to the log', async () => {
    await renderApp('/dashboard', { signedInAs: 'admin@example.com', overrides: [verification(broken)] });
    const integrity = await screen.findByRole('region', { name: 'Audit log integrity' });
    expect(await within(integrity).findByText(/^Broken at entry #12/)).toBeInTheDocument();
    expect(within(integrity).getAllByRole('listitem').map((item) => item.textContent)).toEqual(broken.breaks.map((b) => b.reason));
    expect(within(integrity).getByRole('link', { name: /audit log/ })).toHaveAttribute('href', '/audit');
    expect(within(integrity).queryByText(/Intact/)).not.toBeInTheDocument();
  });

  it('says so when a section is empty, and shows a re-review that is due', async () => {
    const empty: Dashboard = {
      generatedAt: checkedAt,
      conditionsLapsed: emptyList('conditions_lapsed'),
      byRiskTier: [1, 2, 3, 4].map((riskTier) => ({ riskTier, models: 0, inReview: 0, approved: 0, rejected: 0 })),
      pending: emptyList('pending'),
      overdue: emptyList('overdue'),
      reReviews: [
        {
          packageId: 'pkg_x',
          modelName: 'Card Fraud Detection',
          versionLabel: '7.1.0',
          stepName: 'Model risk management',
          approvedBy: { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' },
          reReviewOn: '2026-02-27',
          state: 'due',
        },
      ],
      recentDecisions: [],
      emergencyFollowUps: [],
      findings: noFindings,
      governance: noGovernance,
    };
    await renderApp('/dashboard', { signedInAs: 'committee@example.com', overrides: [verification(intact), http.get('*/api/dashboard', () => HttpResponse.json(empty))] });
    expect(await screen.findByText('No model has been submitted yet.')).toBeInTheDocument();
    expect(section(/^Pending reviews \(0\)/)).toHaveTextContent('No package is waiting for a review.');
    expect(section(/^Overdue reviews \(0\)/)).toHaveTextContent('No review is overdue.');
    expect(section('Recent decisions')).toHaveTextContent('No decision has been signed yet.');
    const reReview = within(section(/^Re-reviews \(1\)/)).getByRole('row', { name: /Card Fraud Detection/ });
    expect(reReview).toHaveTextContent(/Model risk management.*Elena Vasquez.*Due now/);
    expect(section(/^Emergency approvals awaiting follow-up \(0\)/)).toHaveTextContent('No emergency approval awaits its follow-up.');
    expect(section(/^Conditions lapsed \(0\)/)).toHaveTextContent('No approval has lapsed conditions.');
    await expectNoAxeViolations();
  });

  it('lists emergency approvals awaiting their follow-up, with incident, justification, signer and the step it waits on', async () => {
    const withEmergency: Dashboard = {
      generatedAt: checkedAt,
      conditionsLapsed: emptyList('conditions_lapsed'),
      byRiskTier: [1, 2, 3, 4].map((riskTier) => ({ riskTier, models: 0, inReview: 0, approved: 0, rejected: 0 })),
      pending: emptyList('pending'),
      overdue: emptyList('overdue'),
      reReviews: [],
      recentDecisions: [],
      emergencyFollowUps: [
        {
          packageId: 'pkg_clinical_deterioration_risk',
          modelName: 'Clinical Deterioration Risk',
          versionLabel: '2.0.1',
          decisionId: 'dec_1',
          versionNumber: 1,
          approvedBy: { id: 'usr_committee', displayName: 'Robert Castellano', title: 'Chair' },
          decidedAt: '2026-02-27T10:00:00.000Z',
          incidentRef: 'INC-4821',
          justification: 'Alerts fail on the new EHR feed.',
          waitingOn: 'Model risk management',
        },
      ],
      governance: noGovernance,
      findings: {
        openBySeverity: { critical: 0, high: 2, medium: 1, low: 0 },
        overdue: [
          {
            findingId: 'fnd_1',
            packageId: 'pkg_clinical_deterioration_risk',
            modelName: 'Clinical Deterioration Risk',
            versionLabel: '2.0.1',
            title: 'Night-shift sensitivity not shown',
            severity: 'high',
            status: 'remediation_proposed',
            owner: { id: 'usr_owner', displayName: 'Priya Natarajan', title: 'Lead ML Engineer' },
            dueDate: '2026-02-20',
            expiresOn: null,
          },
        ],
        acceptancesExpiring: [],
      },
    };
    await renderApp('/dashboard', { signedInAs: 'committee@example.com', overrides: [verification(intact), http.get('*/api/dashboard', () => HttpResponse.json(withEmergency))] });
    await screen.findByText('No model has been submitted yet.');
    const row = within(section(/^Emergency approvals awaiting follow-up \(1\)/)).getByRole('row', { name: /Clinical Deterioration Risk/ });
    expect(row).toHaveTextContent(/INC-4821.*Alerts fail on the new EHR feed\..*Robert Castellano.*Model risk management/);
    expect(within(row).getByRole('link', { name: 'Clinical Deterioration Risk' })).toHaveAttribute('href', '/packages/pkg_clinical_deterioration_risk');

    const findings = section('Findings');
    expect(within(findings).getByRole('list', { name: 'Open findings by severity' })).toHaveTextContent(/Critical0High2Medium1Low0/);
    const overdue = within(findings).getByRole('row', { name: /Night-shift sensitivity/ });
    expect(overdue).toHaveTextContent(/High, remediation proposed.*Priya Natarajan/);
    expect(within(overdue).getByRole('link', { name: 'Night-shift sensitivity not shown' })).toHaveAttribute('href', '/packages/pkg_clinical_deterioration_risk/findings#finding-fnd_1');
    expect(findings).toHaveTextContent('No accepted risk ends within 30 days.');
    await expectNoAxeViolations();
  });

  it('shows the first page of a long list, says how many there are, and links to all of them (decision record 0159)', async () => {
    const overdueStep = { key: 'model_risk', name: 'Model risk management', role: 'model_risk' as const, dueAt: '2026-01-01T00:00:00.000Z', overdue: true };
    const pkg = (i: number) => summaryFixture(`pkg_${i}`, { modelName: `Model ${i}`, currentStep: overdueStep, turn: { party: 'reviewer', stepKey: 'model_risk', reason: 'step_active', unanswered: 0 } });
    const first = Array.from({ length: 10 }, (_, i) => pkg(i));
    const long: Dashboard = {
      generatedAt: checkedAt,
      byRiskTier: [1, 2, 3, 4].map((riskTier) => ({ riskTier, models: 0, inReview: 0, approved: 0, rejected: 0 })),
      pending: { items: first, total: 7230, link: { list: 'packages', query: { governance: 'pending' } } },
      overdue: { items: first, total: 6352, link: { list: 'packages', query: { governance: 'overdue' } } },
      conditionsLapsed: emptyList('conditions_lapsed'),
      reReviews: [],
      recentDecisions: [],
      emergencyFollowUps: [],
      findings: noFindings,
      governance: noGovernance,
    };
    await renderApp('/dashboard', { signedInAs: 'committee@example.com', overrides: [verification(intact), http.get('*/api/dashboard', () => HttpResponse.json(long))] });
    const pending = await screen.findByRole('region', { name: /^Pending reviews \(7230\)/ });
    const table = within(pending).getByRole('table', { name: 'Pending reviews, oldest first: the first 10 of 7230' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(10);
    expect(within(pending).getByRole('link', { name: 'Show all 7230 pending reviews' })).toHaveAttribute('href', '/?tab=all&governance=pending');
    expect(within(section(/^Overdue reviews \(6352\)/)).getByRole('link', { name: 'Show all 6352 overdue reviews' })).toHaveAttribute('href', '/?tab=all&governance=overdue');
    await expectNoAxeViolations();
  });

  it('tells a reviewer, who may not see it, why the dashboard is not shown', async () => {
    await renderApp('/dashboard', { signedInAs: 'fair-lending@example.com' });
    expect(await screen.findByText('The dashboard could not be loaded.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
