// Governance policy end to end: an administrator publishes a policy by keyboard, scoped to a
// model type and requiring cited evidence (a bad threshold and a blank evidence label first,
// each shown beside its field); a pipeline's submission failing the policy's
// blocking bar is refused naming the policy version; the compliant one enters review; the
// reviewer reads every metric against the policy's bar, the owner's beside it. The policy's
// scope is a business line of this run's own, so no other spec's packages fall under it.
import { submitPackageResponseSchema } from '#api/packages/routes.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { retailCreditPdV2 } from '#demo/index.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { goToAdminPageByKeyboard, signOut } from './support/header.ts';
import { expectFitsWidth, shootAtWidths } from './support/screenshots.ts';
import { approveAsDeputy, changeAsAdministrators, proposedNotice } from './support/catalogue.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

function researchPackage(modelKey: string, businessLine: string, auc: number): PackageContent {
  return {
    ...retailCreditPdV2,
    sections: retailCreditPdV2.sections.map((section) => {
      if (section.kind === 'identification') return { ...section, modelKey, versionLabel: '1.0.0', riskTier: 4, businessLine };
      if (section.kind === 'metric_table') return { ...section, metrics: section.metrics.map((m) => (m.key === 'auc' ? { ...m, value: auc, threshold: { operator: '>=', value: 0.5 } } : m)) };
      return section;
    }),
  };
}

test('an administrator publishes a policy; a failing submission is refused naming it; the reviewer sees metrics against it', async ({ page, baseURL }, testInfo) => {
  // Three widths of screenshots of a long package page, on a shared 2-core machine.
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const key = `research-${stamp}`;
  const line = `Research lab ${stamp}`;
  // The organisation lists the line first (docs/decisions/0168).
  await changeAsAdministrators(baseURL ?? '', { kind: 'add_business_line', change: { label: line } });
  await loginAs(page, 'admin@example.com');
  await goToAdminPageByKeyboard(page, 'Policies');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance policies' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Consumer credit models/ })).toContainText('Tiers 1, 2: Consumer lending');
  await expectNoAxeViolations(page);
  // On a phone the catalogue's version and requirements move under the policy's name: no table scrolls sideways.
  await expectFitsWidth(page, page.getByRole('main'));

  await tabTo(page, page.getByRole('link', { name: 'New policy' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New governance policy' })).toBeVisible();
  await tabTo(page, page.getByLabel('Key'));
  await page.keyboard.type(key);
  await tabTo(page, page.getByLabel('Name'));
  await page.keyboard.type(`Research models ${stamp}`);
  await tabTo(page, page.getByRole('checkbox', { name: 'Tier 4' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Business lines'));
  await page.keyboard.type(line);
  await tabTo(page, page.getByRole('checkbox', { name: 'Binary classification' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Metric 1'));
  await page.getByLabel('Metric 1').selectOption('auc');
  await tabTo(page, page.getByLabel('Threshold'));
  await page.keyboard.type('high');
  // Evidence: a linked Regulation B citation, its label left blank at first.
  await tabTo(page, page.getByRole('button', { name: 'Add required evidence' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Evidence 1 key'));
  await page.keyboard.type('fair-lending-citation');
  await tabTo(page, page.getByLabel('Framework (optional)'));
  await page.keyboard.type('Regulation B');
  await tabTo(page, page.getByRole('checkbox', { name: 'The citing reference must have a link (URL)' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Propose policy…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Propose the new policy Research models ${stamp}?` });
  await tabTo(page, dialog.getByRole('button', { name: 'Propose policy', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const threshold = page.getByLabel('Threshold');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toHaveAccessibleDescription('The threshold must be a number');
  const evidenceLabel = page.getByLabel('What is required');
  await expect(evidenceLabel).toHaveAttribute('aria-invalid', 'true');
  await expect(evidenceLabel).toHaveAccessibleDescription('Say what evidence is required');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'policy-form', (name) => testInfo.outputPath(name), true);

  await tabTo(page, threshold);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.75');
  await tabTo(page, evidenceLabel);
  await page.keyboard.type('ECOA / Regulation B fair-lending citation');
  await tabTo(page, page.getByRole('button', { name: 'Propose policy…' }));
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Propose policy', exact: true }));
  await page.keyboard.press('Enter');
  // Two administrators (the demo's): the policy is proposed, and the deputy approves it (0182).
  await expect(page.getByRole('status')).toHaveText(proposedNotice);
  await approveAsDeputy(baseURL ?? '', key);
  await page.goto(`/admin/policies/${key}`);
  await expect(page.getByRole('heading', { level: 1, name: `Research models ${stamp}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Required metrics, version 1' })).toContainText('at least 0.75');
  await expect(page.getByText(`Applies to Tier 4: ${line}; model types binary classification.`)).toBeVisible();
  const evidenceTable = page.getByRole('table', { name: 'Required evidence, version 1' });
  await expect(evidenceTable.getByRole('row', { name: /ECOA \/ Regulation B fair-lending citation/ })).toContainText('Any reference of framework "Regulation B"');
  await expect(evidenceTable).toContainText('with a link');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'policy', (name) => testInfo.outputPath(name), true);
  await expectFitsWidth(page, page.getByRole('region', { name: 'Version 1 (current)' }));

  // A pipeline submits: the owner's own bar of 0.5 does not let an AUC of 0.70 through.
  const owner = await signInActor(baseURL ?? '', 'owner@example.com', password);
  const modelKey = `research-pd-${stamp}`;
  const refused = await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: researchPackage(modelKey, line, 0.7) }).then(
    () => 'accepted',
    (error: unknown) => String(error),
  );
  expect(refused).toMatch(/HTTP 422/);
  expect(refused).toContain(`${key} version 1`);
  expect(refused).toMatch(/Metric \\"auc\\" is 0\.7; the policy requires at least 0\.75/);

  const admitted = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: researchPackage(modelKey, line, 0.781) }));
  await signOut(page);
  await loginAs(page, 'model-risk@example.com');
  await page.goto(`/packages/${admitted.package.id}`);
  const summary = page.getByRole('region', { name: `Policy check: Research models ${stamp}, version 1` });
  // The package is a binary classifier of that line, and cites Regulation B with links: every blocking requirement, evidence included, is met.
  await expect(summary).toContainText('every blocking requirement is met');
  const evaluation = page.getByRole('region', { name: 'Evaluation against policy thresholds' });
  const auc = evaluation.getByRole('row', { name: /^AUC \(ROC\)/ });
  await expect(auc).toContainText('at least 0.75 (blocking)');
  await expect(auc).toContainText('Weaker than policy');
  await expect(auc).toContainText('Pass');
  await expect(evaluation.getByRole('row', { name: /^Brier score/ })).toContainText('Not set by policy');
  await expectNoAxeViolations(page);
  await summary.scrollIntoViewIfNeeded();
  await shootAtWidths(page, 'package-policy', (name) => testInfo.outputPath(name), false);

  // The demo's consumer credit policy has every kind of table (metrics, subgroups, evidence): on
  // a phone each fits without its Enforcement column, said beside the bar instead.
  await page.goto('/admin/policies/consumer-credit');
  const consumerCredit = page.getByRole('region', { name: 'Version 1 (current)' });
  await expect(consumerCredit.getByRole('table', { name: 'Subgroup metrics (every subgroup), version 1' })).toBeVisible();
  await expectFitsWidth(page, consumerCredit);
});
