// Issue 23, one walk through the governance policy in the UI, as each role (decision 0158):
// an administrator raises a blocking threshold in a new policy version, for packages in review
// too; the owner's resubmission failing it is refused in the resubmission form, the policy
// version and the requirement named in the error summary (focused) and beside the field,
// nothing stored; the fix enters review; the reviewer reads every metric against the policy's
// bar, the owner's beside it, the weaker one marked; the committee dashboard's governance
// figures match the lists they open. A policy and a business line of this run's own keep it
// off every other spec's packages. Set-up by API (a policy version 1, a package, a rejection).
import type { Page } from '@playwright/test';
import { submitPackageResponseSchema } from '#api/packages/routes.ts';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { expectInventoryRows } from './support/governance-lists.ts';
import { loginAs } from './support/login.ts';
import { signOut } from './support/header.ts';
import { changeCatalogue } from '#scripts/lib/catalogue-change.ts';
import { approveAsDeputy, proposedNotice } from './support/catalogue.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

function walkPackage(modelKey: string, modelName: string, businessLine: string): PackageContent {
  const content = approvableCreditContent('1.0.0');
  return { ...content, sections: content.sections.map((s) => (s.kind === 'identification' ? { ...s, modelKey, modelName, versionLabel: '1.0.0', businessLine } : s)) };
}

/** Version 1 of the policy, a package in its scope passing it, assessed, and rejected by data governance. */
async function setUp(origin: string, stamp: string) {
  const key = `walk-${stamp}`;
  const name = `Walk models ${stamp}`;
  const line = `Walk lending ${stamp}`;
  const admin = await signInActor(origin, 'admin@example.com', password);
  const deputy = await signInActor(origin, 'admin-deputy@example.com', password);
  await changeCatalogue(admin, deputy, { kind: 'add_business_line', change: { label: line } });
  await changeCatalogue(admin, deputy, { kind: 'publish_policy', change: {
    key,
    name,
    scope: { riskTiers: [1, 2], businessLines: [line] },
    onBlockingFailure: 'refuse',
    metrics: [
      { metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' },
      { metric: 'ks', operator: '>=', value: 0.35, enforcement: 'advisory' },
    ],
    subgroupMetrics: [],
    requiredSections: [],
  } });
  const owner = await signInActor(origin, 'owner@example.com', password);
  const modelKey = `walk-pd-${stamp}`;
  const modelName = `Walk PD ${stamp}`;
  const { package: pkg } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: walkPackage(modelKey, modelName, line) }));
  await owner.post(`/api/packages/${pkg.id}/risk-assessments`, { answers: creditRiskAnswers() });
  const dataGovernance = await signInActor(origin, 'data-governance@example.com', password);
  const concern = { sectionKey: 'evaluation', concern: 'The holdout is not named in the evaluation.', requiredChange: 'Name the holdout.' };
  await signDecision(dataGovernance, { packageId: pkg.id, stepKey: 'data_governance', decision: 'reject', reason: 'The evaluation holdout is not named.', concerns: [concern], password });
  return { key, name, id: pkg.id, modelName };
}

const aucValue = (page: Page) => page.getByRole('spinbutton', { name: 'Value of AUC (ROC)' }).or(page.getByRole('textbox', { name: 'Value of AUC (ROC)' }));

async function submitVersion2(page: Page) {
  await page.getByRole('button', { name: 'Review and submit' }).click();
  await page.getByRole('button', { name: 'Submit version 2…' }).click();
  await page.getByRole('dialog', { name: 'Submit version 2?' }).getByRole('button', { name: 'Submit version 2' }).click();
}

test('an administrator raises a blocking bar; the owner’s failing resubmission is refused in the form naming the policy; the fix enters review; the reviewer and the committee see it', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const { key, name, id, modelName } = await setUp(baseURL ?? '', stamp);

  // The administrator: version 2 raises the AUC bar to 0.80, for packages in review too.
  await loginAs(page, 'admin@example.com');
  await page.goto('/admin/policies');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance policies' })).toBeVisible();
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'New version' }).click();
  await expect(page.getByLabel('Metric 1')).toHaveValue('auc');
  await page.getByLabel('Threshold').first().fill('0.8');
  await page.getByRole('checkbox', { name: /^Also check packages already in review/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Propose version 2…' }).click();
  await page.getByRole('dialog', { name: `Propose version 2 of ${name}?` }).getByRole('button', { name: 'Propose version 2', exact: true }).click();
  // Two administrators (the demo's): the version is proposed, and the deputy approves it (0182).
  await expect(page.getByRole('status')).toHaveText(proposedNotice);
  await approveAsDeputy(baseURL ?? '', key);
  await page.goto(`/admin/policies/${key}`);
  await expect(page.getByRole('table', { name: 'Required metrics, version 2' })).toContainText('at least 0.8');
  await expectNoAxeViolations(page);
  await signOut(page);

  // The owner: a resubmission whose AUC (0.79) fails the new blocking bar is refused in the form.
  await loginAs(page, 'owner@example.com');
  await page.goto(`/packages/${id}`);
  await page.getByRole('link', { name: 'Revise and resubmit' }).click();
  await aucValue(page).fill('0.79');
  await page.getByRole('textbox', { name: 'Your answer to concern 1' }).fill('The holdout is the 2023 H1 out-of-time sample, named in the evaluation.');
  await submitVersion2(page);
  const summary = page.getByRole('alert').filter({ hasText: 'the server found' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(`Policy "${name}" (${key} version 2) refuses this submission: 1 blocking requirement not met.`);
  const requirement = `Metric "auc" is 0.79; the policy requires at least 0.8 (policy "${name}", ${key} version 2, blocking)`;
  await expect(summary.getByRole('link')).toHaveText([`Evaluation against policy thresholds › metrics › 1 › value: ${requirement}`]);
  await expect(aucValue(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(aucValue(page)).toHaveAccessibleDescription(new RegExp(requirement.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expectNoAxeViolations(page);
  // The link takes the owner to the field.
  await summary.getByRole('link').click();
  await expect(aucValue(page)).toBeFocused();
  // Nothing stored: the package still has one version.
  const stored = (await (await page.request.get(`/api/packages/${id}`)).json()) as { latestVersion: number };
  expect(stored.latestVersion).toBe(1);

  // The fix enters review.
  await aucValue(page).fill('0.812');
  await submitVersion2(page);
  await page.waitForURL((url) => url.pathname === `/packages/${id}` && url.searchParams.get('version') === '2');
  await expect(page.getByRole('status').filter({ hasText: /^✓ Submitted: version 2 of .+ is in review\./ })).toBeVisible();
  await signOut(page);

  // The reviewer: every metric against the policy's bar, the owner's beside it, the weaker one marked.
  await loginAs(page, 'data-governance@example.com');
  await page.goto(`/packages/${id}`);
  const check = page.getByRole('region', { name: `Policy check: ${name}, version 2` });
  await expect(check).toContainText('every blocking requirement is met');
  const evaluation = page.getByRole('region', { name: 'Evaluation against policy thresholds' });
  const rows = evaluation.getByRole('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(approvableCreditContent('1.0.0').sections.flatMap((s) => (s.kind === 'metric_table' ? s.metrics : [])).length);
  for (const row of await rows.all()) await expect(row).toContainText(/(at least|at most|above|below) [\d.]+ \((blocking|advisory)\)|Not set by policy/);
  const auc = evaluation.getByRole('row', { name: /^AUC \(ROC\)/ });
  await expect(auc.getByRole('cell')).toHaveText(['0.812', 'at least 0.8 (blocking)', 'at least 0.75Weaker than policy', '✓Pass']);
  const ks = evaluation.getByRole('row', { name: /^Kolmogorov-Smirnov/ });
  await expect(ks).toContainText('at least 0.35 (advisory)');
  await expect(ks).not.toContainText('Weaker than policy');
  await expect(evaluation.getByRole('row', { name: /^Brier score/ })).toContainText('Not set by policy');
  await expectNoAxeViolations(page);
  await signOut(page);

  // The committee: the governance figures open lists of as many rows; the walk's package is among the complete ones.
  await loginAs(page, 'committee@example.com');
  const complete = await expectInventoryRows(page, 'With a complete package', 'complete');
  await expect(complete.locator('tbody tr').filter({ hasText: modelName })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await expectInventoryRows(page, 'Blocking policy failures', 'blocking_failed');
  await expectInventoryRows(page, 'With a risk assessment', 'assessed');
  await expectNoAxeViolations(page);
});
