// A package's content in the browser, against the real server: each section rendered as
// what it is, a failing subgroup flagged on version 1 and passing on version 2, the version
// kept in the address, section links that land, axe clean, and no CSP violation.
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';


const retailCredit = '/packages/pkg_retail_credit_pd';

test('Retail Credit PD flags the 62 and over subgroup on version 1 and passes it on version 2', async ({ page }) => {
  await loginAs(page, 'fair-lending@example.com');
  await page.goto(`${retailCredit}?version=1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Retail Credit PD 4.2.0' })).toBeVisible();

  const subgroups = page.getByRole('region', { name: 'Subgroup fairness' });
  const olderAge = subgroups.getByRole('row', { name: /^62 and over/ });
  await expect(olderAge).toContainText('Below threshold');
  // Cells: sample size, then one per metric; the approval-rate ratio is the one that fails.
  await expect(olderAge.getByRole('cell').nth(1)).toContainText('0.78✕Fail');
  await expect(subgroups).toContainText('1 subgroup fails: 62 and over (Approval-rate ratio vs reference group (disparate impact ratio) 0.78, needs at least 0.8)');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveCount(11);
  await expectNoAxeViolations(page);

  await page.getByLabel('Version', { exact: true }).selectOption('2');
  await expect(page).toHaveURL(`${retailCredit}?version=2`);
  await expect(olderAge).toContainText('Meets all thresholds');
  await expect(subgroups).toContainText('All 10 subgroups meet every threshold.');
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue('2');
  await expect(olderAge).toContainText('Meets all thresholds');
});

test('the table of contents and a pasted section link both land on the section', async ({ page }) => {
  await loginAs(page, 'model-risk@example.com');
  await page.goto(retailCredit);
  const heading = page.getByRole('heading', { level: 2, name: 'Regulatory cross-references' });
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Regulatory cross-references' }).click();
  await expect(page).toHaveURL(`${retailCredit}#section-regulatory_references`);
  await expect(heading).toBeInViewport();

  await page.goto('/');
  await page.goto(`${retailCredit}?version=1#section-subgroup_fairness`);
  await expect(page.getByRole('heading', { level: 2, name: 'Subgroup fairness' })).toBeInViewport();
});

test('a failing metric says Fail in words (Card Fraud Detection, card-present)', async ({ page }) => {
  await loginAs(page, 'fair-lending@example.com');
  await page.goto('/packages/pkg_card_fraud_detection');
  const evaluation = page.getByRole('region', { name: 'Evaluation against policy thresholds' });
  const failing = evaluation.getByRole('row', { name: /^CP: value detection rate at production thresholds/ });
  await expect(failing).toContainText('Fail');
  await expect(failing).toContainText('at least 0.5');
  await expectNoAxeViolations(page);
});
